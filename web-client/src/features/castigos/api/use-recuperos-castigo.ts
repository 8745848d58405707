import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { claveCastigos } from './claves';

export type RecuperosCastigo = Respuesta<'ListarRecuperosCastigo'>;

/** Recoveries of written-off debt, the last twelve months by default. */
export function useRecuperosCastigo() {
  return useQuery({
    queryKey: [...claveCastigos, 'recuperos'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/castigos/recuperos', { params: { query: {} }, signal })),
  });
}
