import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesWebhooks } from '@/features/integraciones-webhooks/api/claves-webhooks';

export interface FiltrosEntregas {
  estado?: string;
  pagina: number;
}

export function useEntregasWebhook(id: string, filtros: FiltrosEntregas) {
  return useQuery({
    queryKey: clavesWebhooks.entregas(id, filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/integraciones/webhooks/{id}/entregas', {
          params: {
            path: { id },
            query: { estado: filtros.estado, pagina: filtros.pagina, tamanoPagina: 25 },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
