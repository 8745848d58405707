import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { rutasGrupos, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';
import { useInvalidarGrupos } from '@/features/grupos/api/use-invalidar-grupos';

export function useEliminarGrupo(tipo: TipoGrupo) {
  const invalidar = useInvalidarGrupos(tipo);
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE(rutasGrupos[tipo].grupo, { params: { path: { id } } })),
    onSuccess: invalidar,
  });
}
