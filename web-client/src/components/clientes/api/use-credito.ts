import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Elemento, Respuesta } from '@/api/types';

export type SolicitudCredito = Respuesta<'ObtenerSolicitudCredito'>;
export type SolicitudCreditoResumen = Elemento<Respuesta<'ListarSolicitudesCredito'>>;
export type EstadoAprobacion = NonNullable<SolicitudCredito['aprobacion']>;
export type DatosNuevaSolicitud = Cuerpo<'CrearSolicitudCredito'>;
export type DatosInforme = Cuerpo<'GuardarInformeComercial'>;

export const claveCredito = ['credito'] as const;

export function useSolicitudesCredito(clienteId: string) {
  return useQuery({
    queryKey: [...claveCredito, 'solicitudes', clienteId],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/credito/solicitudes', { params: { query: { clienteId } }, signal })),
  });
}

export function useSolicitudCredito(id: string | null) {
  return useQuery({
    queryKey: [...claveCredito, 'solicitud', id],
    enabled: id !== null,
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/credito/solicitudes/{id}', { params: { path: { id: id ?? '' } }, signal })),
  });
}

export function useCrearSolicitudCredito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosNuevaSolicitud) => ok(api.POST('/api/v1/credito/solicitudes', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveCredito }),
  });
}

export function useGuardarInformeComercial() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DatosInforme }) =>
      ok(api.PUT('/api/v1/credito/solicitudes/{id}/informe-comercial', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveCredito }),
  });
}

export function useEnviarSolicitudCredito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/credito/solicitudes/{id}/enviar', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveCredito }),
  });
}

export function useDecidirSolicitudCredito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, aprueba, comentario }: { id: string; aprueba: boolean; comentario: string | null }) =>
      ok(
        api.POST('/api/v1/credito/solicitudes/{id}/decision', {
          params: { path: { id } },
          body: { aprueba, comentario },
        }),
      ),
    // The client's limit changes when a line is approved.
    onSuccess: () => qc.invalidateQueries(),
  });
}
