import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { FiltrosReporte } from '../lib/reportes';

/** GET /api/v1/reportes/concentracion (ConcentracionDeuda). */
export function useConcentracion(filtros: FiltrosReporte & { cantidad: number }) {
  return useQuery({
    queryKey: ['reportes', 'concentracion', filtros],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/reportes/concentracion', { params: { query: filtros }, signal })),
    placeholderData: keepPreviousData,
  });
}
