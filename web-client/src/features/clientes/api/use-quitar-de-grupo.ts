import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** Removes this client from a client group (QuitarMiembroGrupoClientes). */
export function useQuitarDeGrupo(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (grupoId: string) =>
      ok(
        api.DELETE('/api/v1/grupos-clientes/{id}/miembros/{miembroId}', {
          params: { path: { id: grupoId, miembroId: clienteId } },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.gruposClientes.todos });
      return qc.invalidateQueries({ queryKey: claves.clientes.detalle(clienteId) });
    },
  });
}
