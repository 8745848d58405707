import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta } from '@/api/types';

export type FiltrosCheques = Consulta<'ListarCheques'>;

export function useCheques(filtros: FiltrosCheques) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'cheques', filtros],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/cheques', { params: { query: comoConsulta<'ListarCheques'>(filtros) }, signal })),
    placeholderData: keepPreviousData,
  });
}
