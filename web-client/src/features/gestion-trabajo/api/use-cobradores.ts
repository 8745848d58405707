import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

export interface CobradorOpcion {
  id: string;
  nombre: string;
}

/** Active collectors (GET /api/v1/gestion/cobradores, ListarCobradores) for the supervisor's selector. */
export function useCobradores(habilitado: boolean) {
  return useQuery({
    queryKey: clavesTrabajo.cobradores,
    enabled: habilitado,
    queryFn: async ({ signal }): Promise<CobradorOpcion[]> => {
      const cobradores = await ok(
        api.GET('/api/v1/gestion/cobradores', { params: { query: { activo: true } }, signal }),
      );
      return cobradores.map((c) => ({ id: c.id, nombre: c.nombre }));
    },
  });
}
