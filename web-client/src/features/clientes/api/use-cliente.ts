import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useCliente(id: string) {
  return useQuery({
    queryKey: claves.clientes.detalle(id),
    queryFn: ({ signal }) => ok(api.GET('/api/v1/clientes/{id}', { params: { path: { id } }, signal })),
  });
}
