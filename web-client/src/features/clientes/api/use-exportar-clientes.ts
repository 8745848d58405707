import { useMutation } from '@tanstack/react-query';
import { consulta, descargar } from '@/api/client';
import type { FiltrosClientes } from '@/features/clientes/api/tipos';

export type FormatoExportacion = 'csv' | 'xlsx';

/** GET /api/v1/clientes/exportar (ExportarClientes): downloads the filtered list as a file. */
export function useExportarClientes() {
  return useMutation({
    mutationFn: ({ formato, filtros }: { formato: FormatoExportacion; filtros: FiltrosClientes }) => {
      const { pagina: _p, tamanoPagina: _t, ...resto } = filtros;
      void _p;
      void _t;
      return descargar(`/api/v1/clientes/exportar${consulta({ formato, ...resto })}`, `clientes.${formato}`);
    },
  });
}

/** POST /api/v1/clientes/exportar-elegidos (ExportarClientesElegidos): only the clients chosen in the list. */
export function useExportarClientesElegidos() {
  return useMutation({
    mutationFn: ({ formato, ids }: { formato: FormatoExportacion; ids: string[] }) =>
      descargar('/api/v1/clientes/exportar-elegidos', `clientes.${formato}`, { clienteIds: ids, formato }),
  });
}
