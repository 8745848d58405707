import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consulta, subirFormulario } from '@/api/client';
import { ApiError, aProblema } from '@/api/errors';
import type { ErrorImportacion } from '@/components/importacion/tabla-errores-importacion';

export interface DatosImportacion {
  archivo: File;
  /** Import the valid rows even when others have errors. */
  parcial?: boolean;
  /** `{campo: columna del archivo}`; only the fields whose column is named differently need it. */
  mapeo?: Record<string, string>;
  onProgreso?: (porcentaje: number) => void;
}

export interface ResultadoImportacionBase {
  aplicado: boolean;
  errores: ErrorImportacion[];
  /** Rows read from the file. */
  filas?: number | string;
}

function esResultadoImportacion<T>(x: unknown): x is T {
  return (
    !!x && typeof x === 'object' && Array.isArray((x as { errores?: unknown }).errores) && 'aplicado' in x
  );
}

/**
 * POST of a CSV/XLSX import (multipart `archivo` and optional `mapeo` as JSON), sent with
 * XMLHttpRequest to report upload progress. An applied import invalidates `invalidar`.
 */
export function useImportacion<T extends ResultadoImportacionBase>(
  ruta: string,
  invalidar: readonly unknown[],
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ archivo, parcial, mapeo, onProgreso }: DatosImportacion): Promise<T> => {
      const fd = new FormData();
      fd.append('archivo', archivo, archivo.name);
      if (mapeo && Object.keys(mapeo).length > 0) fd.append('mapeo', JSON.stringify(mapeo));
      const r = await subirFormulario(`${ruta}${consulta({ parcial })}`, fd, onProgreso);
      // A rejected import may come back as a non-2xx answer carrying the per-row result.
      if (esResultadoImportacion<T>(r.cuerpo)) return r.cuerpo;
      throw new ApiError(r.status, aProblema(r.cuerpo, r.status));
    },
    onSuccess: (r) => {
      if (r.aplicado) return qc.invalidateQueries({ queryKey: invalidar });
    },
  });
}
