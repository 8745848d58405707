import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useReglasAsignacion() {
  return useQuery({
    queryKey: ['gestion', 'reglas-asignacion'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/gestion/reglas-asignacion', { signal })),
  });
}
