import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function usePoliticasCredito() {
  return useQuery({
    queryKey: claves.politicas,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/politicas-credito', { signal })),
  });
}
