import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useAnularCompromiso(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (motivo: string) =>
      ok(api.POST('/api/v1/gestion/compromisos/{id}/anular', { params: { path: { id } }, body: { motivo } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gestion'] }),
  });
}
