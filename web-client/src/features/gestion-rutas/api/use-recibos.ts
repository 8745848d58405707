import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesRutas } from './claves';

/** Field receipts of the period (GET /api/v1/terreno/recibos). */
export function useRecibos(desde: string, hasta: string) {
  return useQuery({
    queryKey: clavesRutas.recibos(desde, hasta),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/terreno/recibos', { params: { query: { desde, hasta } }, signal })),
  });
}
