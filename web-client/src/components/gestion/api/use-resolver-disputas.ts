import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

export function useResolverDisputas() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'ResolverDisputas'>) =>
      ok(api.POST('/api/v1/gestion/disputas/resolver', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gestion'] }),
  });
}
