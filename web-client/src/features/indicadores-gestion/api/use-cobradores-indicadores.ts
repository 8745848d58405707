import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesIndicadores } from '@/features/indicadores-gestion/api/claves';

/** Collectors for the filter (GET /api/v1/gestion/cobradores, ListarCobradores). */
export function useCobradoresIndicadores() {
  return useQuery({
    queryKey: clavesIndicadores.cobradores,
    queryFn: async ({ signal }) =>
      (await ok(api.GET('/api/v1/gestion/cobradores', { params: { query: {} }, signal }))).map((c) => ({
        value: c.id,
        label: c.nombre,
      })),
  });
}
