import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Elemento, Respuesta } from '@/api/types';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

export type MiTrabajo = Respuesta<'ObtenerMiTrabajo'>;
export type ItemTrabajo = Elemento<MiTrabajo['items']>;

/** GET /api/v1/gestion/mi-trabajo (ObtenerMiTrabajo): the caller's list, or `cobradorId`'s for a supervisor. */
export function useMiTrabajo(filtros: { cobradorId?: string | null; fecha?: string | null }) {
  return useQuery({
    queryKey: clavesTrabajo.miTrabajo(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/gestion/mi-trabajo', {
          params: {
            query: { cobradorId: filtros.cobradorId ?? undefined, fecha: filtros.fecha ?? undefined },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
