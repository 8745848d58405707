import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** One document (the credit note being compensated). */
export function useDocumento(id: string | null) {
  return useQuery({
    queryKey: claves.cartera.documento(id ?? ''),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/documentos/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}

/** The client's documents, oldest due date first (the manual lines pick those with balance). */
export function useDocumentosCliente(clienteId: string | null | undefined) {
  const filtros = { clienteId: clienteId ?? undefined, orden: 'fechaVencimiento', tamanoPagina: 100 };
  return useQuery({
    queryKey: claves.cartera.documentos(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/documentos', {
          params: { query: comoConsulta<'ListarDocumentos'>(filtros) },
          signal,
        }),
      ),
    enabled: !!clienteId,
  });
}

/** Client search (RUT or name) for the list filter, and the chosen client's name. */
export function useBuscarClientes(buscar: string) {
  const filtros = { buscar: buscar.trim() || undefined, tamanoPagina: 20, orden: 'razonSocial' };
  return useQuery({
    queryKey: claves.clientes.lista(filtros),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes', { params: { query: comoConsulta<'ListarClientes'>(filtros) }, signal })),
  });
}

export function useCliente(id: string | null) {
  return useQuery({
    queryKey: claves.clientes.detalle(id ?? ''),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}
