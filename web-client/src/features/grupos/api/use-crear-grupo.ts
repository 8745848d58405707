import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { rutasGrupos, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';
import { useInvalidarGrupos } from '@/features/grupos/api/use-invalidar-grupos';

export function useCrearGrupo(tipo: TipoGrupo) {
  const invalidar = useInvalidarGrupos(tipo);
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearGrupoClientes'> & Cuerpo<'CrearGrupoContactos'>) =>
      ok(api.POST(rutasGrupos[tipo].lista, { body })),
    onSuccess: invalidar,
  });
}
