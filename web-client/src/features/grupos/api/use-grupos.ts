import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesGrupos, rutasGrupos, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';

export function useGrupos(tipo: TipoGrupo) {
  return useQuery({
    queryKey: clavesGrupos[tipo].todos,
    queryFn: ({ signal }) => ok(api.GET(rutasGrupos[tipo].lista, { signal })),
  });
}
