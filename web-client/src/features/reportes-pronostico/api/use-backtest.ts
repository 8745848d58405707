import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta, Respuesta } from '@/api/types';

export type Backtest = Respuesta<'ObtenerBacktestPronostico'>;
export type FiltrosBacktest = Consulta<'ObtenerBacktestPronostico'>;

export function useBacktest(filtros: FiltrosBacktest) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'pronostico-backtest', filtros],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/reportes/pronostico/backtest', {
          params: { query: comoConsulta<'ObtenerBacktestPronostico'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
