import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosCliente } from '@/features/clientes/api/tipos';

export function useActualizarCliente(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCliente) =>
      ok(api.PUT('/api/v1/clientes/{id}', { params: { path: { id } }, body })),
    onSuccess: (cliente) => {
      qc.setQueryData(claves.clientes.detalle(id), cliente);
      return qc.invalidateQueries({ queryKey: claves.clientes.todos });
    },
  });
}
