import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosCambioEstado } from '@/features/clientes/api/tipos';

export function useCambiarEstadoCredito(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCambioEstado) =>
      ok(api.POST('/api/v1/clientes/{id}/estado-credito', { params: { path: { id } }, body })),
    onSuccess: (cliente) => {
      qc.setQueryData(claves.clientes.detalle(id), cliente);
      void qc.invalidateQueries({ queryKey: claves.clientes.historial(id) });
      return qc.invalidateQueries({ queryKey: ['clientes', 'lista'] });
    },
  });
}
