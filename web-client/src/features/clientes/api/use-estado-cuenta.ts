import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta } from '@/api/types';

export type FiltrosEstadoCuenta = Consulta<'ObtenerEstadoCuenta'>;

export function useEstadoCuenta(clienteId: string, filtros: FiltrosEstadoCuenta) {
  return useQuery({
    queryKey: claves.cartera.estadoCuenta(clienteId, filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/clientes/{id}/estado-cuenta', {
          params: {
            path: { id: clienteId },
            query: comoConsulta<'ObtenerEstadoCuenta'>(filtros),
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
