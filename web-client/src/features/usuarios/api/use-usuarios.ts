import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useUsuarios() {
  return useQuery({
    queryKey: claves.usuarios,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/usuarios', { signal })),
  });
}
