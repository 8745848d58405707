import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesActividades } from '@/components/gestion/api/claves-actividades';

export function useTiposActividad(incluirInactivos = false) {
  return useQuery({
    queryKey: [...clavesActividades.tipos, incluirInactivos],
    queryFn: () =>
      ok(api.GET('/api/v1/gestion/tipos-actividad', { params: { query: { incluirInactivos } } })),
    staleTime: 60_000,
  });
}
