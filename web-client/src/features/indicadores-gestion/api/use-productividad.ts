import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesIndicadores, type FiltrosIndicador } from '@/features/indicadores-gestion/api/claves';

export type Productividad = Respuesta<'IndicadorProductividad'>;

/** GET /api/v1/indicadores/productividad (IndicadorProductividad). */
export function useProductividad(filtros: FiltrosIndicador) {
  return useQuery({
    queryKey: clavesIndicadores.productividad(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/indicadores/productividad', {
          params: { query: comoConsulta<'IndicadorProductividad'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
