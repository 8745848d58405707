import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** Active users of the company that can be assigned as account executive (needs only `ver`). */
export function useEjecutivos() {
  return useQuery({
    queryKey: ['ejecutivos'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/ejecutivos', { signal })),
    staleTime: 5 * 60_000,
  });
}
