import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

export function useReprogramarCompromiso(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'ReprogramarCompromiso'>) =>
      ok(api.POST('/api/v1/gestion/compromisos/{id}/reprogramar', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gestion'] }),
  });
}
