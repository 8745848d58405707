import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, subirFormulario } from '@/api/client';
import { ApiError, aProblema } from '@/api/errors';
import type { Cuerpo, Elemento, Respuesta } from '@/api/types';

export type DocumentacionCliente = Respuesta<'ListarDocumentacion'>;
export type DocumentoCliente = Elemento<DocumentacionCliente['documentos']>;
export type DatosDocumentoCliente = Cuerpo<'RegistrarDocumentoCliente'>;

const clave = ['documentacion'] as const;

export function useDocumentacion(clienteId: string) {
  return useQuery({
    queryKey: [...clave, clienteId],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}/documentacion', { params: { path: { id: clienteId } }, signal })),
  });
}

export function useRegistrarDocumentoCliente(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosDocumentoCliente) =>
      ok(api.POST('/api/v1/clientes/{id}/documentacion', { params: { path: { id: clienteId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useEliminarDocumentoCliente(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (documentoId: string) =>
      ok(
        api.DELETE('/api/v1/clientes/{id}/documentacion/{documentoId}', {
          params: { path: { id: clienteId, documentoId } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useSubirArchivoDocumentoCliente(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentoId, archivo }: { documentoId: string; archivo: File }) => {
      const formulario = new FormData();
      formulario.append('archivo', archivo);
      const r = await subirFormulario(
        `/api/v1/clientes/${clienteId}/documentacion/${documentoId}/archivo`,
        formulario,
      );
      if (!r.ok) throw new ApiError(r.status, aProblema(r.cuerpo, r.status));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: clave }),
  });
}
