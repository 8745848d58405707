import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useGrupoContactos(id: string) {
  return useQuery({
    queryKey: claves.gruposContactos.detalle(id),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/grupos-contactos/{id}', { params: { path: { id } }, signal })),
  });
}
