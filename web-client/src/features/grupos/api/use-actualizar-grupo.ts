import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { rutasGrupos, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';
import { useInvalidarGrupos } from '@/features/grupos/api/use-invalidar-grupos';

type DatosGrupo = Cuerpo<'ActualizarGrupoClientes'> & Cuerpo<'ActualizarGrupoContactos'>;

export function useActualizarGrupo(tipo: TipoGrupo) {
  const invalidar = useInvalidarGrupos(tipo);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DatosGrupo }) =>
      ok(api.PUT(rutasGrupos[tipo].grupo, { params: { path: { id } }, body })),
    onSuccess: invalidar,
  });
}
