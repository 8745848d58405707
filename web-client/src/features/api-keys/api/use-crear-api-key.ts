import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export function useCrearApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearApiKey'>) => ok(api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.apiKeys }),
  });
}
