import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export function useEliminarSuscripcionWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.DELETE('/api/v1/integraciones/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesWebhooks.todo }),
  });
}
