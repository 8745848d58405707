import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useActivarCobrador() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/gestion/cobradores/{id}/activar', { params: { path: { id } } })),
    onSuccess: invalidar,
  });
}
