import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Consulta } from '@/api/types';

export function useAsignaciones(filtros: Consulta<'ListarAsignaciones'>) {
  return useQuery({
    queryKey: ['gestion', 'asignaciones', filtros],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/asignaciones', { params: { query: filtros }, signal })),
    placeholderData: keepPreviousData,
  });
}
