import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useEliminarGrupoClientes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/grupos-clientes/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.clientes.todos });
      return qc.invalidateQueries({ queryKey: claves.gruposClientes.todos });
    },
  });
}
