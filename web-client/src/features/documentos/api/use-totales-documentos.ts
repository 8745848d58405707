import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { FiltrosDocumentos } from '@/api/tipos-cartera';

/** GET /api/v1/documentos/totales: the whole filter summed per currency on the server (not the page). */
export function useTotalesDocumentos(filtros: FiltrosDocumentos) {
  const { pagina: _p, tamanoPagina: _t, orden: _o, ...resto } = filtros;
  void _p;
  void _t;
  void _o;
  return useQuery({
    queryKey: [...claves.cartera.todo, 'documentos-totales', resto],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/documentos/totales', {
          params: { query: comoConsulta<'TotalesDocumentos'>(resto) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
