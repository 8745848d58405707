import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export function useProbarSuscripcionWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/integraciones/webhooks/{id}/prueba', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesWebhooks.todo }),
  });
}
