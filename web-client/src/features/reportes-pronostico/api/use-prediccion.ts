import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta, Respuesta } from '@/api/types';

export type PaginaPrediccion = Respuesta<'ObtenerPrediccion'>;
export type FiltrosPrediccion = Consulta<'ObtenerPrediccion'>;

export function usePrediccion(filtros: FiltrosPrediccion) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'prediccion', filtros],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/reportes/prediccion', {
          params: { query: comoConsulta<'ObtenerPrediccion'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
