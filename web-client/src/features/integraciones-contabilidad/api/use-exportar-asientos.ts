import { useMutation } from '@tanstack/react-query';
import { consulta, descargar } from '@/api/client';

export type FormatoExportacion = 'xlsx' | 'csv';

/** GET /api/v1/integraciones/contabilidad/asientos/exportar (ExportarAsientosContables): one row per entry line, formulas neutralised. */
export function useExportarAsientos() {
  return useMutation({
    mutationFn: ({ formato, desde, hasta }: { formato: FormatoExportacion; desde: string; hasta: string }) =>
      descargar(
        `/api/v1/integraciones/contabilidad/asientos/exportar${consulta({ desde, hasta, formato })}`,
        `asientos-${desde}-${hasta}.${formato}`,
      ),
  });
}
