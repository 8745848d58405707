import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/**
 * Users of the company, to pick an account executive. Listing users needs `administrar`;
 * without it the screens fall back to a free-text executive id.
 */
export function useEjecutivos(habilitado: boolean) {
  return useQuery({
    queryKey: claves.usuarios,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/usuarios', { signal })),
    enabled: habilitado,
    staleTime: 5 * 60_000,
  });
}
