import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesRutas } from './claves';

/** How many of the worklist's first items the planner offers (a day's route holds at most 100 visits). */
export const LIMITE_LISTA = 40;

/** The collector's worklist for the day, highest priority first (GET /api/v1/gestion/mi-trabajo). */
export function useListaTrabajo(cobradorId: string, fecha: string) {
  return useQuery({
    queryKey: clavesRutas.listaTrabajo(cobradorId, fecha),
    queryFn: async ({ signal }) =>
      (
        await ok(
          api.GET('/api/v1/gestion/mi-trabajo', {
            params: { query: { cobradorId, fecha, limite: LIMITE_LISTA } },
            signal,
          }),
        )
      ).items,
  });
}
