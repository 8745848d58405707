import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';
import type { DatosNotificacionCesion } from '@/features/factoring/api/tipos';

export function useNotificarCesion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ documentoId, body }: { documentoId: string; body: DatosNotificacionCesion }) =>
      ok(
        api.PUT('/api/v1/factoring/cesiones/{documentoId}/notificacion', {
          params: { path: { documentoId } },
          body,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesFactoring.todo }),
  });
}
