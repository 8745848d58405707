import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export function useEntregaWebhook(id: string | null) {
  return useQuery({
    queryKey: clavesWebhooks.entrega(id ?? ''),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/integraciones/webhooks/entregas/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}
