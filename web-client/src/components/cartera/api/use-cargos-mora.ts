import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';

export type CargosMora = Respuesta<'CalcularCargosMora'>;
export type SolicitudNotaDebito = Respuesta<'ObtenerSolicitudNotaDebito'>;

export const claveCargosMora = ['cartera', 'cargos-mora'] as const;
const clave = claveCargosMora;

/** The late charges of a client at a date (today when omitted), step by step. */
export function useCargosMora(clienteId: string, fecha: string | null) {
  return useQuery({
    queryKey: [...clave, clienteId, fecha],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/cargos-mora/clientes/{clienteId}', {
          params: { path: { clienteId }, query: fecha ? { fecha } : {} },
          signal,
        }),
      ),
  });
}

export function useSolicitudesNotaDebito(clienteId: string) {
  return useQuery({
    queryKey: [...clave, 'solicitudes', clienteId],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/cargos-mora/solicitudes', { params: { query: { clienteId } }, signal })),
  });
}

export function useSolicitarNotaDebito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (datos: { clienteId: string; fecha: string | null; notas: string | null }) =>
      ok(api.POST('/api/v1/cargos-mora/solicitudes', { body: datos })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useResolverSolicitudNotaDebito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...cuerpo
    }: {
      id: string;
      estado: 'emitida' | 'anulada';
      folioNotaDebito: number | null;
      notas: string | null;
    }) =>
      ok(
        api.PUT('/api/v1/cargos-mora/solicitudes/{id}/resolucion', {
          params: { path: { id } },
          body: cuerpo,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}
