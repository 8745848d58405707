import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export function useActualizarGrupoContactos() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Cuerpo<'ActualizarGrupoContactos'> }) =>
      ok(api.PUT('/api/v1/grupos-contactos/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.gruposContactos.todos }),
  });
}
