import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useEliminarGrupoContactos() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/grupos-contactos/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.gruposContactos.todos }),
  });
}
