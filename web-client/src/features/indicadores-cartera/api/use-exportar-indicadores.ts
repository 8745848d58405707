import { useMutation } from '@tanstack/react-query';
import { consulta, descargar } from '@/api/client';
import type { Consulta } from '@/api/types';

export type VistaExportacion = 'resumen' | 'tendencia' | 'por-segmento' | 'por-cobrador';
export type FormatoIndicadores = 'xlsx' | 'csv' | 'pdf';

/** GET /api/v1/indicadores/cartera/exportar (ExportarIndicadoresCartera): a KPI view as a file built by the server. */
export function useExportarIndicadores() {
  return useMutation({
    mutationFn: (
      q: Consulta<'ExportarIndicadoresCartera'> & { vista: VistaExportacion; formato: FormatoIndicadores },
    ) =>
      descargar(
        `/api/v1/indicadores/cartera/exportar${consulta(q as Record<string, string | number | undefined>)}`,
        `indicadores-cartera-${q.vista}.${q.formato}`,
      ),
  });
}
