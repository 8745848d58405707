import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta, Respuesta } from '@/api/types';

export type Pronostico = Respuesta<'ObtenerPronostico'>;
export type FiltrosPronostico = Consulta<'ObtenerPronostico'>;

export function usePronostico(filtros: FiltrosPronostico) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'pronostico', filtros],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/reportes/pronostico', {
          params: { query: comoConsulta<'ObtenerPronostico'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
