import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';

export type ConfiguracionGestion = Respuesta<'ObtenerConfiguracionGestion'>;

export const claveConfiguracionGestion = ['indicadores-gestion', 'configuracion-gestion'] as const;

/** GET /api/v1/gestion/configuracion (ObtenerConfiguracionGestion): here for the days after which a dispute is critical. */
export function useConfiguracionGestion() {
  return useQuery({
    queryKey: claveConfiguracionGestion,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/gestion/configuracion', { signal })),
  });
}
