import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useApiKeys() {
  return useQuery({
    queryKey: claves.apiKeys,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/api-keys', { signal })),
  });
}
