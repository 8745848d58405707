import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { FiltrosIndicadores } from '@/features/indicadores-cartera/api/use-indicadores-cartera';

export type Agrupacion = 'segmento' | 'cobrador';

/**
 * GET /api/v1/indicadores/cartera/por-segmento (IndicadoresCarteraPorSegmento) or /por-cobrador
 * (IndicadoresCarteraPorCobrador): the KPIs of the period per group.
 */
export function useDesgloseIndicadores(agrupar: Agrupacion, filtros: FiltrosIndicadores) {
  return useQuery({
    queryKey: ['indicadores-cartera', agrupar, filtros],
    queryFn: ({ signal }) =>
      agrupar === 'segmento'
        ? ok(
            api.GET('/api/v1/indicadores/cartera/por-segmento', {
              params: { query: comoConsulta<'IndicadoresCarteraPorSegmento'>(filtros) },
              signal,
            }),
          )
        : ok(
            api.GET('/api/v1/indicadores/cartera/por-cobrador', {
              params: { query: comoConsulta<'IndicadoresCarteraPorCobrador'>(filtros) },
              signal,
            }),
          ),
    placeholderData: keepPreviousData,
  });
}
