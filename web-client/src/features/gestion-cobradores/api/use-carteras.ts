import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useCarteras() {
  return useQuery({
    queryKey: ['gestion', 'carteras'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/gestion/carteras', { signal })),
  });
}
