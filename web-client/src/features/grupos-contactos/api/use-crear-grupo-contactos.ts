import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export function useCrearGrupoContactos() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearGrupoContactos'>) => ok(api.POST('/api/v1/grupos-contactos', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.gruposContactos.todos }),
  });
}
