import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { FiltrosClientes } from '@/features/clientes/api/tipos';

export function useClientes(filtros: FiltrosClientes) {
  return useQuery({
    queryKey: claves.clientes.lista(filtros),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes', { params: { query: comoConsulta<'ListarClientes'>(filtros) }, signal })),
    placeholderData: keepPreviousData,
  });
}
