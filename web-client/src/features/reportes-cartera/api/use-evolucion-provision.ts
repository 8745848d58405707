import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { FiltrosReporte } from '../lib/reportes';

/** GET /api/v1/reportes/provision/evolucion (EvolucionProvision). */
export function useEvolucionProvision(filtros: FiltrosReporte & { meses: number }) {
  return useQuery({
    queryKey: ['reportes', 'provision', filtros],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/reportes/provision/evolucion', { params: { query: filtros }, signal })),
    placeholderData: keepPreviousData,
  });
}
