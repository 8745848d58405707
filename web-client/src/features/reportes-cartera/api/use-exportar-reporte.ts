import { useMutation } from '@tanstack/react-query';
import { consulta, descargar } from '@/api/client';

export type FormatoReporte = 'json' | 'csv' | 'xlsx' | 'pdf';

/**
 * A report as a file: JSON is the report's own answer, CSV/XLSX/PDF come from its `/exportar` sibling
 * (ExportarConcentracionDeuda, ExportarEvolucionMorosidad, ExportarEvolucionProvision, ExportarRecuperacionHistorica).
 */
export function useExportarReporte(ruta: string, nombre: string) {
  return useMutation({
    mutationFn: ({
      formato,
      parametros,
    }: {
      formato: FormatoReporte;
      parametros: Record<string, string | number | undefined>;
    }) =>
      formato === 'json'
        ? descargar(`${ruta}${consulta(parametros)}`, `${nombre}.json`)
        : descargar(`${ruta}/exportar${consulta({ ...parametros, formato })}`, `${nombre}.${formato}`),
  });
}
