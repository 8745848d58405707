import { useMutation } from '@tanstack/react-query';
import { api, comoConsulta, guardarBlob, ok } from '@/api/client';
import { aNumero } from '@/lib/formato';
import type { DocumentoResumen, FiltrosDocumentos } from '@/api/tipos-cartera';
import { documentosACsv } from '@/features/documentos/components/exportar-documentos';

const POR_PAGINA = 200;
/** A browser export is for a list a person looks at; beyond this, the ERP batch API is the tool. */
export const MAXIMO_EXPORTACION = 20_000;

/** Every page of GET /api/v1/documentos with the list's filters, saved as a CSV. */
export function useExportarDocumentos() {
  return useMutation({
    mutationFn: async (filtros: FiltrosDocumentos) => {
      const todos: DocumentoResumen[] = [];
      for (let pagina = 1; ; pagina++) {
        const r = await ok(
          api.GET('/api/v1/documentos', {
            params: {
              query: comoConsulta<'ListarDocumentos'>({ ...filtros, pagina, tamanoPagina: POR_PAGINA }),
            },
          }),
        );
        todos.push(...r.items);
        const total = aNumero(r.total) ?? 0;
        if (r.items.length < POR_PAGINA || todos.length >= Math.min(total, MAXIMO_EXPORTACION)) break;
      }
      const filas = todos.slice(0, MAXIMO_EXPORTACION);
      guardarBlob(new Blob([documentosACsv(filas)], { type: 'text/csv;charset=utf-8' }), 'documentos.csv');
      return filas.length;
    },
  });
}
