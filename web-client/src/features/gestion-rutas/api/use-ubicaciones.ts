import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesRutas } from './claves';

/** Where each client is (own coordinates, comuna centroid or none), through the route calculation without saving anything. */
export function useUbicaciones(clienteIds: readonly string[]) {
  return useQuery({
    queryKey: clavesRutas.ubicaciones(clienteIds),
    enabled: clienteIds.length > 0,
    queryFn: async ({ signal }) =>
      (
        await ok(
          api.POST('/api/v1/terreno/recorrido', {
            body: { inicioLatitud: null, inicioLongitud: null, clienteIds: [...clienteIds] },
            signal,
          }),
        )
      ).puntos,
  });
}
