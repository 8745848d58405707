import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useClientesCartera(id: string, pagina: number) {
  return useQuery({
    queryKey: ['gestion', 'carteras', id, 'clientes', pagina],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/gestion/carteras/{id}/clientes', {
          params: { path: { id }, query: { pagina, tamanoPagina: 25 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
