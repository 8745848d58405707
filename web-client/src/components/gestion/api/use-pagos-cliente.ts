import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** The client's latest payments (any channel) for its timeline, newest first. */
export function usePagosCliente(clienteId: string, tamanoPagina = 50) {
  return useQuery({
    queryKey: claves.cartera.pagos({ clienteId, orden: '-fecha', tamanoPagina }),
    queryFn: () =>
      ok(
        api.GET('/api/v1/pagos', {
          params: { query: comoConsulta<'ListarPagos'>({ clienteId, orden: '-fecha', tamanoPagina }) },
        }),
      ),
  });
}
