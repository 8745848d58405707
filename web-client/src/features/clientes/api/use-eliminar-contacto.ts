import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useEliminarContacto(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (contactoId: string) =>
      ok(
        api.DELETE('/api/v1/clientes/{id}/contactos/{contactoId}', {
          params: { path: { id: clienteId, contactoId } },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.gruposContactos.todos });
      return qc.invalidateQueries({ queryKey: claves.clientes.contactos(clienteId) });
    },
  });
}
