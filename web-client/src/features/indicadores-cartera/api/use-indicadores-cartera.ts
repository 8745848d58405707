import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Consulta } from '@/api/types';

export type FiltrosIndicadores = Consulta<'ConsultarIndicadoresCartera'>;

/** GET /api/v1/indicadores/cartera (ConsultarIndicadoresCartera): the KPIs of the period with their definitions. */
export function useIndicadoresCartera(filtros: FiltrosIndicadores) {
  return useQuery({
    queryKey: ['indicadores-cartera', 'resumen', filtros],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/indicadores/cartera', {
          params: { query: comoConsulta<'ConsultarIndicadoresCartera'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
