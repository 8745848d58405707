import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useCrearClaveAgencia() {
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/judicial/agencias/{id}/api-key', { params: { path: { id } } })),
  });
}
