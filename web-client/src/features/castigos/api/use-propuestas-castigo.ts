import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { claveCastigos } from './claves';

export type PropuestaCastigoResumen = Respuesta<'ListarPropuestasCastigo'>[number];

export function usePropuestasCastigo() {
  return useQuery({
    queryKey: [...claveCastigos, 'propuestas'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/castigos/propuestas', { params: { query: {} }, signal })),
  });
}
