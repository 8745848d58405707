import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** Contacts of one client (ListarContactos). */
export function useContactosCliente(clienteId: string | null | undefined) {
  return useQuery({
    queryKey: claves.clientes.contactos(clienteId ?? ''),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}/contactos', { params: { path: { id: clienteId ?? '' } }, signal })),
    enabled: !!clienteId,
  });
}
