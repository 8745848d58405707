import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';
import type { DatosFactor } from '@/features/factoring/api/tipos';

export function useCrearFactor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosFactor) => ok(api.POST('/api/v1/factoring/factores', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesFactoring.todo }),
  });
}
