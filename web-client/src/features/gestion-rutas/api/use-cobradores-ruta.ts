import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesRutas } from './claves';

/** Active collectors (GET /api/v1/gestion/cobradores). */
export function useCobradoresRuta() {
  return useQuery({
    queryKey: clavesRutas.cobradores,
    queryFn: async ({ signal }) =>
      (await ok(api.GET('/api/v1/gestion/cobradores', { params: { query: { activo: true } }, signal }))).map(
        (c) => ({
          value: c.id,
          label: c.nombre,
        }),
      ),
  });
}
