import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesGrupos, rutasGrupos, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';

export function useGrupo(tipo: TipoGrupo, id: string) {
  return useQuery({
    queryKey: clavesGrupos[tipo].detalle(id),
    queryFn: ({ signal }) => ok(api.GET(rutasGrupos[tipo].grupo, { params: { path: { id } }, signal })),
  });
}
