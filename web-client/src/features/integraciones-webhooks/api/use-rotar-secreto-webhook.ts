import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useRotarSecretoWebhook() {
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/integraciones/webhooks/{id}/rotar-secreto', { params: { path: { id } } })),
  });
}
