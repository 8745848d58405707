import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** Adds this client to a client group (AgregarMiembrosGrupoClientes). */
export function useAgregarAGrupo(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (grupoId: string) =>
      ok(
        api.POST('/api/v1/grupos-clientes/{id}/miembros', {
          params: { path: { id: grupoId } },
          body: { ids: [clienteId] },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.gruposClientes.todos });
      return qc.invalidateQueries({ queryKey: claves.clientes.detalle(clienteId) });
    },
  });
}
