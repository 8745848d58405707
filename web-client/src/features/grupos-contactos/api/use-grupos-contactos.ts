import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useGruposContactos() {
  return useQuery({
    queryKey: claves.gruposContactos.todos,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/grupos-contactos', { signal })),
  });
}
