import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesIndicadores, type FiltrosIndicador } from '@/features/indicadores-gestion/api/claves';

export type CostoCobranza = Respuesta<'IndicadorCostoCobranza'>;

/** GET /api/v1/indicadores/costo-cobranza (IndicadorCostoCobranza). */
export function useCostoCobranza(filtros: FiltrosIndicador) {
  return useQuery({
    queryKey: clavesIndicadores.costo(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/indicadores/costo-cobranza', {
          params: { query: comoConsulta<'IndicadorCostoCobranza'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
