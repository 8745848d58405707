import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';

export type AsientosPeriodo = Respuesta<'AsientosContablesPeriodo'>;

export const claveAsientos = ['integraciones', 'contabilidad', 'asientos'] as const;

/** GET /api/v1/integraciones/contabilidad/asientos/periodo (AsientosContablesPeriodo): the export's preview and totals. */
export function useAsientosPeriodo(desde: string, hasta: string) {
  return useQuery({
    queryKey: [...claveAsientos, 'periodo', desde, hasta],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/integraciones/contabilidad/asientos/periodo', {
          params: { query: { desde, hasta } },
          signal,
        }),
      ),
    enabled: desde !== '' && hasta !== '' && desde <= hasta,
    placeholderData: keepPreviousData,
  });
}
