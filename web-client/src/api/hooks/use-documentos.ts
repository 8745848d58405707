import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { FiltrosDocumentos } from '@/api/tipos-cartera';

/** A page of documents; a list keeps showing the previous page while the next one loads. */
export function useDocumentos(filtros: FiltrosDocumentos, { lista = true, enabled = true } = {}) {
  return useQuery({
    queryKey: claves.cartera.documentos(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/documentos', {
          params: { query: comoConsulta<'ListarDocumentos'>(filtros) },
          signal,
        }),
      ),
    placeholderData: lista ? keepPreviousData : undefined,
    enabled,
  });
}
