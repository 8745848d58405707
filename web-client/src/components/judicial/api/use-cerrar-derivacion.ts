import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useCerrarDerivacion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/judicial/derivaciones/{id}/cerrar', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['judicial'] }),
  });
}
