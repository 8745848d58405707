import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** Approve or reject on the approval levels; an approval that settles it writes the documents off. */
export function useDecidirPropuestaCastigo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, aprobar, comentario }: { id: string; aprobar: boolean; comentario: string | null }) =>
      ok(
        api.POST('/api/v1/castigos/propuestas/{id}/decision', {
          params: { path: { id } },
          body: { aprobar, comentario },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cartera'] }),
  });
}
