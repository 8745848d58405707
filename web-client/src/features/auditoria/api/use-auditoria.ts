import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta } from '@/api/types';

export type FiltrosAuditoria = Consulta<'ListarAuditoria'>;

export function useAuditoria(filtros: FiltrosAuditoria) {
  return useQuery({
    queryKey: claves.auditoria(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/auditoria', { params: { query: comoConsulta<'ListarAuditoria'>(filtros) }, signal }),
      ),
    placeholderData: keepPreviousData,
  });
}
