import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { clavesActividades } from '@/components/gestion/api/claves-actividades';

/** The client's activity log, newest first (the API orders it). */
export function useActividadesCliente(clienteId: string, tamanoPagina = 100) {
  return useQuery({
    queryKey: [...clavesActividades.cliente(clienteId), tamanoPagina],
    queryFn: () =>
      ok(
        api.GET('/api/v1/gestion/actividades', {
          params: { query: comoConsulta<'ListarActividades'>({ clienteId, tamanoPagina }) },
        }),
      ),
  });
}
