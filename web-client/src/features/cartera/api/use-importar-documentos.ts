import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { claves } from '@/api/claves';
import { ApiError, aProblema } from '@/api/errors';
import type { Respuesta } from '@/api/types';

export type ResultadoLote = Respuesta<'ImportarDocumentos'>;

function esResultado(x: unknown): x is ResultadoLote {
  return (
    !!x && typeof x === 'object' && Array.isArray((x as { errores?: unknown }).errores) && 'aplicado' in x
  );
}

/** POST /api/v1/importaciones/documentos (ImportarDocumentos), multipart field `archivo`. */
export function useImportarDocumentos() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ archivo, parcial }: { archivo: File; parcial: boolean }) => {
      const { data, error, response } = await api.POST('/api/v1/importaciones/documentos', {
        params: { query: { parcial } },
        // The typed body only names the field; the real body is the FormData below.
        body: { archivo: archivo.name } as never,
        bodySerializer: () => {
          const fd = new FormData();
          fd.append('archivo', archivo, archivo.name);
          return fd;
        },
      });
      if (response.ok && data) return data;
      // A rejected import may come back as a non-2xx answer carrying the per-row result.
      if (esResultado(error)) return error;
      throw new ApiError(response.status, aProblema(error, response.status));
    },
    onSuccess: (r) => {
      if (r.aplicado) return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}
