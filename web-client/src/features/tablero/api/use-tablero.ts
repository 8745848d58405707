import { useQuery } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Consulta, Respuesta } from '@/api/types';

export type Tablero = Respuesta<'ObtenerTablero'>;
export type FiltrosTablero = Consulta<'ObtenerTablero'>;

export function useTablero(filtros: FiltrosTablero) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'tablero', filtros],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/indicadores/tablero', {
          params: { query: comoConsulta<'ObtenerTablero'>(filtros) },
          signal,
        }),
      ),
  });
}
