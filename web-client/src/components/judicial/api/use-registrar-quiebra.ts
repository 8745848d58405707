import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosQuiebra } from '@/components/judicial/api/tipos';

export function useRegistrarQuiebra(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosQuiebra) =>
      ok(api.PUT('/api/v1/judicial/clientes/{clienteId}/quiebra', { params: { path: { clienteId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['judicial'] }),
  });
}
