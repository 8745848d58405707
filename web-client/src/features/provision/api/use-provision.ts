import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta, Respuesta } from '@/api/types';

export type Provision = Respuesta<'CalcularProvision'>;
export type FiltrosProvision = Consulta<'CalcularProvision'>;

export function useProvision(filtros: FiltrosProvision) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'provision', filtros],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/cartera/provision', {
          params: { query: comoConsulta<'CalcularProvision'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
