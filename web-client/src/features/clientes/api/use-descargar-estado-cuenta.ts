import { useMutation } from '@tanstack/react-query';
import { consulta, descargar } from '@/api/client';
import type { FiltrosEstadoCuenta } from '@/features/clientes/api/use-estado-cuenta';

export type FormatoEstadoCuenta = 'pdf' | 'xlsx';

/**
 * GET /api/v1/clientes/{id}/estado-cuenta.pdf (ObtenerEstadoCuentaPdf) and .xlsx (ObtenerEstadoCuentaXlsx):
 * downloads the account statement with the same cut-off and period as the screen.
 */
export function useDescargarEstadoCuenta(clienteId: string) {
  return useMutation({
    mutationFn: ({ formato, filtros }: { formato: FormatoEstadoCuenta; filtros: FiltrosEstadoCuenta }) =>
      descargar(
        `/api/v1/clientes/${encodeURIComponent(clienteId)}/estado-cuenta.${formato}${consulta({ ...filtros })}`,
        `estado-cuenta.${formato}`,
      ),
  });
}
