import { useQuery } from '@tanstack/react-query';
import { ApiError, aProblema } from '@/api/errors';
import { leerToken } from '@/lib/token';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

export interface CobradorOpcion {
  id: string;
  nombre: string;
}

/**
 * GET /api/v1/gestion/cobradores (ListarCobradores, from the collectors' area) for the supervisor's selector. Plain fetch
 * because that operation is not in this branch's OpenAPI document; after the merge it can be `api.GET` like the others.
 * A 404 (operation absent) gives an empty list.
 */
export function useCobradores(habilitado: boolean) {
  return useQuery({
    queryKey: clavesTrabajo.cobradores,
    enabled: habilitado,
    queryFn: async ({ signal }): Promise<CobradorOpcion[]> => {
      const headers = new Headers();
      const token = leerToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      const r = await fetch('/api/v1/gestion/cobradores?activo=true', { headers, signal });
      if (r.status === 404) return [];
      const cuerpo: unknown = await r.json().catch(() => null);
      if (!r.ok) throw new ApiError(r.status, aProblema(cuerpo, r.status));
      return (Array.isArray(cuerpo) ? (cuerpo as CobradorOpcion[]) : []).map((c) => ({
        id: c.id,
        nombre: c.nombre,
      }));
    },
  });
}
