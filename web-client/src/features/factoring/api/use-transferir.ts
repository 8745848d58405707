import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';
import type { DatosTransferencia } from '@/features/factoring/api/tipos';

export function useTransferir() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosTransferencia) => ok(api.POST('/api/v1/factoring/transferencias', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesFactoring.todo }),
  });
}
