import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useRegistrarDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, aprueba, comentario }: { id: string; aprueba: boolean; comentario: string | null }) =>
      ok(
        api.POST('/api/v1/aprobaciones/{id}/decision', {
          params: { path: { id } },
          body: { aprueba, comentario },
        }),
      ),
    onSuccess: () => qc.invalidateQueries(),
  });
}
