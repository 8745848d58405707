import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { clavesEnvios } from '@/features/notificaciones-envios/api/claves';

/** Per-definition figures (sent, failed, bounced, opened, clicked, replied) in a date range. */
export function useResumenEnvios(desde?: string, hasta?: string) {
  return useQuery({
    queryKey: clavesEnvios.resumen(desde, hasta),
    queryFn: () =>
      ok(
        api.GET('/api/v1/notificaciones/envios/resumen', {
          params: { query: comoConsulta<'ResumenEnvios'>({ desde, hasta }) },
        }),
      ),
  });
}
