import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesTerreno } from './claves';

export type RutaTerreno = Respuesta<'MiRutaTerreno'>;
export type ParadaTerreno = RutaTerreno['paradas'][number];

/** The signed-in collector's route of the day (GET /api/v1/terreno/mi-ruta); null when it has none. */
export function useMiRuta(fecha: string) {
  return useQuery({
    queryKey: clavesTerreno.miRuta(fecha),
    queryFn: async ({ signal }): Promise<RutaTerreno | null> => {
      const { data, response } = await api.GET('/api/v1/terreno/mi-ruta', {
        params: { query: { fecha } },
        signal,
      });
      if (response.status === 404) return null;
      return ok(Promise.resolve({ data, response, error: response.ok ? undefined : data }));
    },
  });
}
