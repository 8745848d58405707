import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesRutas } from './claves';

/** Visits planned vs done and money collected per collector and day (GET /api/v1/terreno/informes/visitas). */
export function useInformeVisitas(desde: string, hasta: string) {
  return useQuery({
    queryKey: clavesRutas.informe(desde, hasta),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/terreno/informes/visitas', { params: { query: { desde, hasta } }, signal })),
  });
}
