import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useContactos(clienteId: string) {
  return useQuery({
    queryKey: claves.clientes.contactos(clienteId),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}/contactos', { params: { path: { id: clienteId } }, signal })),
  });
}
