import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export function useSuscripcionesWebhook() {
  return useQuery({
    queryKey: clavesWebhooks.lista,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/integraciones/webhooks', { signal })),
  });
}
