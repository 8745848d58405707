import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesIndicadores, type FiltrosIndicador } from '@/features/indicadores-gestion/api/claves';

export type CumplimientoCompromisos = Respuesta<'IndicadorCumplimientoCompromisos'>;

/** GET /api/v1/indicadores/compromisos (IndicadorCumplimientoCompromisos). */
export function useCumplimientoCompromisos(filtros: FiltrosIndicador & { agrupar: string }) {
  return useQuery({
    queryKey: clavesIndicadores.compromisos(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/indicadores/compromisos', {
          params: { query: comoConsulta<'IndicadorCumplimientoCompromisos'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
