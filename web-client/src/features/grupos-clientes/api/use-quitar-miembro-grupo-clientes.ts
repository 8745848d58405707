import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useQuitarMiembroGrupoClientes(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (miembroId: string) =>
      ok(
        api.DELETE('/api/v1/grupos-clientes/{id}/miembros/{miembroId}', {
          params: { path: { id, miembroId } },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.clientes.todos });
      return qc.invalidateQueries({ queryKey: claves.gruposClientes.todos });
    },
  });
}
