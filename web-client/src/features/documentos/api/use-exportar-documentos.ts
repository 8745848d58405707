import { useMutation } from '@tanstack/react-query';
import { consulta, descargar } from '@/api/client';
import type { FiltrosDocumentos } from '@/api/tipos-cartera';

export type FormatoExportacion = 'xlsx' | 'csv';

/**
 * GET /api/v1/documentos/exportar (ExportarDocumentos): the list with its filters as a file built by the server, the one
 * home of exports (Spanish headers, formatted RUTs, states in words, formulas neutralised; at most 20.000 rows).
 */
export function useExportarDocumentos() {
  return useMutation({
    mutationFn: ({ formato, filtros }: { formato: FormatoExportacion; filtros: FiltrosDocumentos }) => {
      const { pagina: _p, tamanoPagina: _t, ...resto } = filtros;
      void _p;
      void _t;
      return descargar(
        `/api/v1/documentos/exportar${consulta({ formato, ...resto })}`,
        `documentos.${formato}`,
      );
    },
  });
}

/**
 * POST /api/v1/documentos/exportar-elegidos (ExportarDocumentosElegidos): only the documents chosen in the list, as the
 * same file as the filtered export.
 */
export function useExportarDocumentosElegidos() {
  return useMutation({
    mutationFn: ({ formato, ids }: { formato: FormatoExportacion; ids: string[] }) =>
      descargar('/api/v1/documentos/exportar-elegidos', `documentos.${formato}`, {
        documentoIds: ids,
        formato,
      }),
  });
}
