import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesIndicadores } from '@/features/indicadores-gestion/api/claves';

export type TablaCostos = Respuesta<'ObtenerTablaCostos'>;

/** GET /api/v1/gestion/costos-cobranza (ObtenerTablaCostos). */
export function useTablaCostos() {
  return useQuery({
    queryKey: clavesIndicadores.tablaCostos,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/gestion/costos-cobranza', { signal })),
  });
}
