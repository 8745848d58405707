import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { FiltrosValoresUf } from '@/api/tipos-cartera';

export function useValoresUf(filtros: FiltrosValoresUf) {
  return useQuery({
    queryKey: claves.cartera.valoresUf(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/valores-uf', {
          params: { query: comoConsulta<'ListarValoresUf'>(filtros) },
          signal,
        }),
      ),
  });
}
