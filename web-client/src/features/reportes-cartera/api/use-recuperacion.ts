import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { FiltrosReporte } from '../lib/reportes';

/** GET /api/v1/reportes/recuperacion (RecuperacionHistorica). */
export function useRecuperacion(filtros: FiltrosReporte & { meses: number }) {
  return useQuery({
    queryKey: ['reportes', 'recuperacion', filtros],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/reportes/recuperacion', { params: { query: filtros }, signal })),
    placeholderData: keepPreviousData,
  });
}
