import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function usePago(id: string) {
  return useQuery({
    queryKey: claves.cartera.pago(id),
    queryFn: ({ signal }) => ok(api.GET('/api/v1/pagos/{id}', { params: { path: { id } }, signal })),
  });
}
