import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

export function useCambiarEstadoDisputa(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'CambiarEstadoDisputa'>) =>
      ok(api.POST('/api/v1/gestion/disputas/{id}/estado', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gestion'] }),
  });
}
