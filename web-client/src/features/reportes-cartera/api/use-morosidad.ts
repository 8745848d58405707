import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { FiltrosReporte } from '../lib/reportes';

/** GET /api/v1/reportes/morosidad (EvolucionMorosidad). */
export function useMorosidad(filtros: FiltrosReporte & { meses: number }) {
  return useQuery({
    queryKey: ['reportes', 'morosidad', filtros],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/reportes/morosidad', { params: { query: filtros }, signal })),
    placeholderData: keepPreviousData,
  });
}
