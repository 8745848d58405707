import { useMutation } from '@tanstack/react-query';
import { consulta, descargar } from '@/api/client';

export type FormatoIndicador = 'csv' | 'xlsx' | 'pdf';

/** GET /api/v1/indicadores/{kpi}/exportar (ExportarCumplimientoCompromisos, ExportarProductividad, ExportarCostoCobranza, ExportarCasosCriticos). */
export function useExportarIndicador(
  indicador: 'compromisos' | 'productividad' | 'costo-cobranza' | 'casos-criticos',
) {
  return useMutation({
    mutationFn: ({
      formato,
      filtros,
    }: {
      formato: FormatoIndicador;
      filtros: Record<string, string | number | undefined>;
    }) =>
      descargar(
        `/api/v1/indicadores/${indicador}/exportar${consulta({ ...filtros, formato })}`,
        `${indicador}.${formato}`,
      ),
  });
}
