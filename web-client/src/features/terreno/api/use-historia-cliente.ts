import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesTerreno } from './claves';

/** The client's last activities (GET /api/v1/gestion/actividades) shown under a visit. */
export function useHistoriaCliente(clienteId: string, habilitado: boolean) {
  return useQuery({
    queryKey: clavesTerreno.historia(clienteId),
    enabled: habilitado,
    queryFn: async ({ signal }) =>
      (
        await ok(
          api.GET('/api/v1/gestion/actividades', {
            params: { query: { clienteId, pagina: 1, tamanoPagina: 5 } },
            signal,
          }),
        )
      ).items,
  });
}
