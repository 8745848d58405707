import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosCliente } from '@/features/clientes/api/tipos';

export function useCrearCliente() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCliente) => ok(api.POST('/api/v1/clientes', { body })),
    onSuccess: (cliente) => {
      qc.setQueryData(claves.clientes.detalle(cliente.id), cliente);
      return qc.invalidateQueries({ queryKey: claves.clientes.todos });
    },
  });
}
