import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';

export function useFactores() {
  return useQuery({
    queryKey: clavesFactoring.factores,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/factoring/factores', { signal })),
  });
}
