import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { FiltrosPagos } from '@/api/tipos-cartera';

export function usePagos(filtros: FiltrosPagos) {
  return useQuery({
    queryKey: claves.cartera.pagos(filtros),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/pagos', { params: { query: comoConsulta<'ListarPagos'>(filtros) }, signal })),
    placeholderData: keepPreviousData,
  });
}
