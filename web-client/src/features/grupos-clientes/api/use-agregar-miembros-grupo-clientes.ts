import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useAgregarMiembrosGrupoClientes(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      ok(api.POST('/api/v1/grupos-clientes/{id}/miembros', { params: { path: { id } }, body: { ids } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.clientes.todos });
      return qc.invalidateQueries({ queryKey: claves.gruposClientes.todos });
    },
  });
}
