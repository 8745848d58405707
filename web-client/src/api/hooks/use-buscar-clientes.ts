import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** Client search for the client picker (ListarClientes with `buscar`: RUT or name). */
export function useBuscarClientes(buscar: string) {
  const filtros = { buscar: buscar.trim() || undefined, tamanoPagina: 20, orden: 'razonSocial' };
  return useQuery({
    queryKey: claves.clientes.lista(filtros),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes', { params: { query: comoConsulta<'ListarClientes'>(filtros) }, signal })),
    placeholderData: keepPreviousData,
  });
}
