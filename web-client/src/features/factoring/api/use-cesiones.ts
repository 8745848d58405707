import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';

export function useCesiones() {
  return useQuery({
    queryKey: clavesFactoring.cesiones,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/factoring/cesiones', { signal })),
  });
}
