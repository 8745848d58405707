import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export function useCrearSuscripcionWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearSuscripcionWebhook'>) =>
      ok(api.POST('/api/v1/integraciones/webhooks', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesWebhooks.todo }),
  });
}
