import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Respuesta } from '@/api/types';

export type Convenio = Respuesta<'ObtenerConvenio'>;
export type ConvenioResumen = Respuesta<'ListarConvenios'>[number];
export type DatosConvenio = Cuerpo<'CrearConvenio'>;

const clave = ['cartera', 'convenios'] as const;

/** The convenios of a client, or of the whole company when `clienteId` is null. */
export function useConvenios(clienteId: string | null, estado: string | null = null) {
  return useQuery({
    queryKey: [...clave, 'lista', clienteId, estado],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/convenios', {
          params: { query: { ...(clienteId ? { clienteId } : {}), ...(estado ? { estado } : {}) } },
          signal,
        }),
      ),
  });
}

export function useConvenio(id: string | null) {
  return useQuery({
    queryKey: [...clave, 'detalle', id],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/convenios/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}

/** The totals and schedule the form would create, recomputed as the user edits (null body = nothing to show). */
export function useVistaPreviaConvenio(datos: DatosConvenio | null) {
  return useQuery({
    queryKey: [...clave, 'vista-previa', datos],
    queryFn: ({ signal }) => ok(api.POST('/api/v1/convenios/vista-previa', { body: datos!, signal })),
    enabled: datos !== null,
    retry: false,
  });
}

export function useCrearConvenio() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosConvenio) => ok(api.POST('/api/v1/convenios', { body: datos })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

type Accion =
  | { accion: 'solicitar-aprobacion'; id: string }
  | { accion: 'decision'; id: string; aprobar: boolean; comentario: string | null }
  | { accion: 'firmar'; id: string; fecha: string | null }
  | { accion: 'anular'; id: string; motivo: string }
  | { accion: 'romper'; id: string; motivo: string };

/** Moves a convenio along its states (approval, signature, annulment, break). */
export function useAccionConvenio() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: Accion) => {
      const path = { path: { id: a.id } };
      switch (a.accion) {
        case 'solicitar-aprobacion':
          return ok(api.POST('/api/v1/convenios/{id}/solicitar-aprobacion', { params: path }));
        case 'decision':
          return ok(
            api.POST('/api/v1/convenios/{id}/decision', {
              params: path,
              body: { aprobar: a.aprobar, comentario: a.comentario },
            }),
          );
        case 'firmar':
          return ok(api.POST('/api/v1/convenios/{id}/firmar', { params: path, body: { fecha: a.fecha } }));
        case 'anular':
          return ok(api.POST('/api/v1/convenios/{id}/anular', { params: path, body: { motivo: a.motivo } }));
        case 'romper':
          return ok(api.POST('/api/v1/convenios/{id}/romper', { params: path, body: { motivo: a.motivo } }));
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cartera'] }),
  });
}
