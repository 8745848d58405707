import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';

export function usePorTransferir() {
  return useQuery({
    queryKey: clavesFactoring.pendientes,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/factoring/administracion-delegada/pendientes', { signal })),
  });
}
