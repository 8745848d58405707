import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesEnvios } from '@/features/notificaciones-envios/api/claves';

/** A reply received for a message (its text, sender and message). */
export function useRespuestaCorreo(id: string) {
  return useQuery({
    queryKey: clavesEnvios.respuesta(id),
    queryFn: () => ok(api.GET('/api/v1/notificaciones/respuestas/{id}', { params: { path: { id } } })),
  });
}
