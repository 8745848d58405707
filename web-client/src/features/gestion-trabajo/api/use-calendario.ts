import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Elemento, Respuesta } from '@/api/types';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

export type Calendario = Respuesta<'ObtenerCalendario'>;
export type DiaCalendario = Elemento<Calendario['dias']>;

/** GET /api/v1/gestion/calendario (ObtenerCalendario): per day, due installments and tasks (at most 93 days). */
export function useCalendario(filtros: {
  desde: string;
  hasta: string;
  cobradorId?: string | null;
  equipo?: boolean;
}) {
  return useQuery({
    queryKey: clavesTrabajo.calendario(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/gestion/calendario', {
          params: {
            query: {
              desde: filtros.desde,
              hasta: filtros.hasta,
              cobradorId: filtros.cobradorId ?? undefined,
              equipo: filtros.equipo || undefined,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
