import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosAgencia } from '@/components/judicial/api/tipos';

export function useCrearAgencia() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosAgencia) => ok(api.POST('/api/v1/judicial/agencias', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['judicial'] }),
  });
}
