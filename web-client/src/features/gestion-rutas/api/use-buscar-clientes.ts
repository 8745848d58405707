import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesRutas } from './claves';

/** Clients to add to a route (GET /api/v1/clientes?buscar=…). */
export function useBuscarClientes(buscar: string) {
  return useQuery({
    queryKey: clavesRutas.clientes(buscar),
    queryFn: async ({ signal }) =>
      (
        await ok(
          api.GET('/api/v1/clientes', { params: { query: { buscar, pagina: 1, tamanoPagina: 20 } }, signal }),
        )
      ).items,
  });
}
