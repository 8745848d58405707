import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { clavesGestion } from '@/components/gestion/api/claves';
import type { FiltrosDisputas } from '@/components/gestion/api/tipos';

export function useDisputas(filtros: FiltrosDisputas) {
  return useQuery({
    queryKey: clavesGestion.listaDisputas(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/gestion/disputas', {
          params: { query: comoConsulta<'ListarDisputas'>(filtros) },
          signal,
        }),
      ),
  });
}
