import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export function useTiposEventoWebhook() {
  return useQuery({
    queryKey: clavesWebhooks.eventos,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/integraciones/webhooks/eventos', { signal })),
    staleTime: Infinity,
  });
}
