import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Elemento, Respuesta } from '@/api/types';

export type AprobacionPendiente = Elemento<Respuesta<'ListarAprobacionesPendientes'>>;

export const claveAprobaciones = ['credito', 'aprobaciones'] as const;

export function useAprobacionesPendientes() {
  return useQuery({
    queryKey: [...claveAprobaciones, 'pendientes'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/aprobaciones/pendientes', { signal })),
  });
}
