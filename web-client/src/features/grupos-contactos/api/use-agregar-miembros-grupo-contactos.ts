import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useAgregarMiembrosGrupoContactos(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      ok(api.POST('/api/v1/grupos-contactos/{id}/miembros', { params: { path: { id } }, body: { ids } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.gruposContactos.todos }),
  });
}
