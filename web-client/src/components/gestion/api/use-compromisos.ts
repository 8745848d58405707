import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { clavesGestion } from '@/components/gestion/api/claves';
import type { FiltrosCompromisos } from '@/components/gestion/api/tipos';

export function useCompromisos(filtros: FiltrosCompromisos) {
  return useQuery({
    queryKey: clavesGestion.listaCompromisos(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/gestion/compromisos', {
          params: { query: comoConsulta<'ListarCompromisos'>(filtros) },
          signal,
        }),
      ),
  });
}
