import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { claveCastigos } from './claves';

export type CandidatosCastigo = Respuesta<'ListarCandidatosCastigo'>;

/** Documents the company's write-off rules propose today (age and legal stage). */
export function useCandidatosCastigo() {
  return useQuery({
    queryKey: [...claveCastigos, 'candidatos'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/castigos/candidatos', { params: { query: {} }, signal })),
  });
}
