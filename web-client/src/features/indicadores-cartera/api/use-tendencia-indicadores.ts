import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Consulta } from '@/api/types';

/** GET /api/v1/indicadores/cartera/tendencia (TendenciaIndicadoresCartera): the KPIs at each month-end. */
export function useTendenciaIndicadores(filtros: Consulta<'TendenciaIndicadoresCartera'>) {
  return useQuery({
    queryKey: ['indicadores-cartera', 'tendencia', filtros],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/indicadores/cartera/tendencia', {
          params: { query: comoConsulta<'TendenciaIndicadoresCartera'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
