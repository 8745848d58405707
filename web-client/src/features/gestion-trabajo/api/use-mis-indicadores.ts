import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

export type MisIndicadores = Respuesta<'MisIndicadores'>;

/** GET /api/v1/indicadores/mis-indicadores (MisIndicadores): the signed-in user's own collector KPIs. */
export function useMisIndicadores() {
  return useQuery({
    queryKey: [...clavesTrabajo.todo, 'mis-indicadores'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/indicadores/mis-indicadores', { signal })),
  });
}
