import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useGruposClientes() {
  return useQuery({
    queryKey: claves.gruposClientes.todos,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/grupos-clientes', { signal })),
  });
}
