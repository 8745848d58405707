import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';

/** The latest messages sent to one client (the delivery log filtered by client). */
export function useEnviosCliente(clienteId: string, tamanoPagina = 50) {
  return useQuery({
    queryKey: ['notificaciones', 'envios', 'cliente', clienteId, tamanoPagina],
    queryFn: () =>
      ok(
        api.GET('/api/v1/notificaciones/envios', {
          params: { query: comoConsulta<'ListarEnvios'>({ clienteId, tamanoPagina }) },
        }),
      ),
  });
}
