import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export function useInvitarUsuario() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'InvitarUsuario'>) => ok(api.POST('/api/v1/usuarios/invitaciones', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.usuarios }),
  });
}
