import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import { clavesRutas } from './claves';

export type RutaPlan = Respuesta<'ObtenerRutaTerreno'>;

/** The collector's route of the day, if planned (GET /api/v1/terreno/rutas then /rutas/{id}). */
export function useRutaDelDia(fecha: string, cobradorId: string | null) {
  return useQuery({
    queryKey: clavesRutas.rutas(fecha, cobradorId),
    enabled: !!cobradorId,
    queryFn: async ({ signal }): Promise<RutaPlan | null> => {
      const lista = await ok(
        api.GET('/api/v1/terreno/rutas', { params: { query: { fecha, cobradorId: cobradorId! } }, signal }),
      );
      const primera = lista[0];
      if (!primera) return null;
      return ok(api.GET('/api/v1/terreno/rutas/{id}', { params: { path: { id: primera.id } }, signal }));
    },
  });
}
