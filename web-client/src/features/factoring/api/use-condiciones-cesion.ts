import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';
import type { DatosCondicionesCesion } from '@/features/factoring/api/tipos';

export function useCondicionesCesion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ documentoId, body }: { documentoId: string; body: DatosCondicionesCesion }) =>
      ok(
        api.PUT('/api/v1/factoring/cesiones/{documentoId}/condiciones', {
          params: { path: { documentoId } },
          body,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesFactoring.todo }),
  });
}
