import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useGrupoClientes(id: string) {
  return useQuery({
    queryKey: claves.gruposClientes.detalle(id),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/grupos-clientes/{id}', { params: { path: { id } }, signal })),
  });
}
