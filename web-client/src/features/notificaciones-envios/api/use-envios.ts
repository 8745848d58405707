import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Consulta } from '@/api/types';
import { clavesEnvios } from '@/features/notificaciones-envios/api/claves';

export type FiltrosEnvios = Consulta<'ListarEnvios'>;

/** The delivery log, newest first, one page at a time. */
export function useEnvios(filtros: FiltrosEnvios) {
  return useQuery({
    queryKey: clavesEnvios.lista(filtros),
    queryFn: () =>
      ok(
        api.GET('/api/v1/notificaciones/envios', {
          params: { query: comoConsulta<'ListarEnvios'>(filtros) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
