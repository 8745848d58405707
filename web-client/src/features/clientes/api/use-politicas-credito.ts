import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** Credit policies, used here for the segment options. */
export function usePoliticasCredito() {
  return useQuery({
    queryKey: claves.politicas,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/politicas-credito', { signal })),
    staleTime: 5 * 60_000,
  });
}
