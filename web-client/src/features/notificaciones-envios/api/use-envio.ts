import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesEnvios } from '@/features/notificaciones-envios/api/claves';

/** One message exactly as it was sent, with its events and replies. */
export function useEnvio(id: string) {
  return useQuery({
    queryKey: clavesEnvios.detalle(id),
    queryFn: () => ok(api.GET('/api/v1/notificaciones/envios/{id}', { params: { path: { id } } })),
  });
}
