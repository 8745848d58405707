import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type {
  Compensacion,
  DatosCompensacion,
  FiltrosCompensaciones,
} from '@/features/compensaciones/api/tipos';

/** Under `cartera`: a compensation changes document balances, and every cartera change refreshes these. */
const clave = {
  lista: (filtros: object) => [...claves.cartera.todo, 'compensaciones', filtros] as const,
  detalle: (id: string) => [...claves.cartera.todo, 'compensacion', id] as const,
};

export function useCompensaciones(filtros: FiltrosCompensaciones) {
  return useQuery({
    queryKey: clave.lista(filtros),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/compensaciones', {
          params: { query: comoConsulta<'ListarCompensaciones'>(filtros) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCompensacion(id: string) {
  return useQuery({
    queryKey: clave.detalle(id),
    queryFn: ({ signal }) => ok(api.GET('/api/v1/compensaciones/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCrearCompensacion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCompensacion) => ok(api.POST('/api/v1/compensaciones', { body })),
    onSuccess: (c: Compensacion) => {
      qc.setQueryData(clave.detalle(c.id), c);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

export function useReversarCompensacion(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ motivo, fecha }: { motivo: string; fecha?: string | null }) =>
      ok(
        api.POST('/api/v1/compensaciones/{id}/reversar', {
          params: { path: { id } },
          body: { motivo, fecha },
        }),
      ),
    onSuccess: (c: Compensacion) => {
      qc.setQueryData(clave.detalle(c.id), c);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}
