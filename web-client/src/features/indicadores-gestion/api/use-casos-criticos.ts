import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesIndicadores, type FiltrosIndicador } from '@/features/indicadores-gestion/api/claves';

export type CasosCriticos = Respuesta<'IndicadorCasosCriticos'>;

/** GET /api/v1/indicadores/casos-criticos (IndicadorCasosCriticos). */
export function useCasosCriticos(
  filtros: Omit<FiltrosIndicador, 'desde' | 'hasta'> & { fechaCorte?: string; porTipo?: number },
) {
  return useQuery({
    queryKey: clavesIndicadores.casos(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/indicadores/casos-criticos', {
          params: { query: comoConsulta<'IndicadorCasosCriticos'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
