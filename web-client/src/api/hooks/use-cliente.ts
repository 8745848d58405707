import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** One client (its screen, or the label of a preselected client in filters and pickers). */
export function useCliente(id: string | null | undefined) {
  return useQuery({
    queryKey: claves.clientes.detalle(id ?? ''),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}
