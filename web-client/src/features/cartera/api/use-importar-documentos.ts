import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consulta, subirFormulario } from '@/api/client';
import { claves } from '@/api/claves';
import { ApiError, aProblema } from '@/api/errors';
import type { Respuesta } from '@/api/types';

export type ResultadoLote = Respuesta<'ImportarDocumentos'>;

export function esResultadoImportacion<T extends { errores: unknown[]; aplicado: boolean }>(
  x: unknown,
): x is T {
  return (
    !!x && typeof x === 'object' && Array.isArray((x as { errores?: unknown }).errores) && 'aplicado' in x
  );
}

export interface DatosImportacion {
  archivo: File;
  parcial: boolean;
  /** `{campo: columna del archivo}`; only the fields whose column is named differently need it. */
  mapeo?: Record<string, string>;
  onProgreso?: (porcentaje: number) => void;
}

/**
 * POST /api/v1/importaciones/documentos (ImportarDocumentos): multipart `archivo` and `mapeo` (JSON),
 * sent with XMLHttpRequest to report upload progress.
 */
export function useImportarDocumentos() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ archivo, parcial, mapeo, onProgreso }: DatosImportacion) => {
      const fd = new FormData();
      fd.append('archivo', archivo, archivo.name);
      if (mapeo && Object.keys(mapeo).length > 0) fd.append('mapeo', JSON.stringify(mapeo));
      const r = await subirFormulario(
        `/api/v1/importaciones/documentos${consulta({ parcial })}`,
        fd,
        onProgreso,
      );
      // A rejected import may come back as a non-2xx answer carrying the per-row result.
      if (esResultadoImportacion<ResultadoLote>(r.cuerpo)) return r.cuerpo;
      throw new ApiError(r.status, aProblema(r.cuerpo, r.status));
    },
    onSuccess: (r) => {
      if (r.aplicado) return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}
