import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** GET /api/v1/gestion/carteras: the portfolios a report can be narrowed to. */
export function useCarterasFiltro() {
  return useQuery({
    queryKey: ['gestion', 'carteras'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/gestion/carteras', { signal })),
  });
}
