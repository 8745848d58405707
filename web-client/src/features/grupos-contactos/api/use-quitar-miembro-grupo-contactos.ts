import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useQuitarMiembroGrupoContactos(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (miembroId: string) =>
      ok(
        api.DELETE('/api/v1/grupos-contactos/{id}/miembros/{miembroId}', {
          params: { path: { id, miembroId } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.gruposContactos.todos }),
  });
}
