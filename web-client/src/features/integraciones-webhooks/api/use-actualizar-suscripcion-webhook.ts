import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export function useActualizarSuscripcionWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Cuerpo<'ActualizarSuscripcionWebhook'> }) =>
      ok(api.PUT('/api/v1/integraciones/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesWebhooks.todo }),
  });
}
