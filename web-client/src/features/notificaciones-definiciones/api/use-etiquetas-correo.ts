import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useEtiquetasCorreo() {
  return useQuery({
    queryKey: ['notificaciones', 'etiquetas'],
    staleTime: Infinity,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/notificaciones/plantillas/etiquetas', { signal })),
  });
}
