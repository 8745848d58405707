import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { claveCastigos } from './claves';

export type PropuestaCastigo = Respuesta<'ObtenerPropuestaCastigo'>;

export function usePropuestaCastigo(id: string | null) {
  return useQuery({
    queryKey: [...claveCastigos, 'propuesta', id],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/castigos/propuestas/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}
