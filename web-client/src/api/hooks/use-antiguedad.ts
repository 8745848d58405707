import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { FiltrosAntiguedad } from '@/api/tipos-cartera';

export function useAntiguedad(filtros: FiltrosAntiguedad) {
  return useQuery({
    queryKey: claves.cartera.antiguedad(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/cartera/antiguedad', {
          params: { query: comoConsulta<'AntiguedadCartera'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
