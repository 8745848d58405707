import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** Client groups, contact groups and active collectors, as options of the recipients filter. */
export function useOpcionesDestinatarios() {
  return useQuery({
    queryKey: ['notificaciones', 'opciones-destinatarios'],
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const [gruposClientes, gruposContactos, cobradores, cuentas] = await Promise.all([
        ok(api.GET('/api/v1/grupos-clientes', { signal })),
        ok(api.GET('/api/v1/grupos-contactos', { signal })),
        ok(api.GET('/api/v1/gestion/cobradores', { params: { query: { activo: true } }, signal })),
        ok(
          api.GET('/api/v1/notificaciones/cuentas-deposito', {
            params: { query: { incluirInactivas: false } },
            signal,
          }),
        ),
      ]);
      return {
        gruposClientes: gruposClientes.map((g) => ({ value: g.id, label: g.nombre })),
        gruposContactos: gruposContactos.map((g) => ({ value: g.id, label: g.nombre })),
        cobradores: cobradores.map((c) => ({ value: c.id, label: c.nombre })),
        cuentas: cuentas.map((c) => ({
          value: c.id,
          label: `${c.banco} · ${c.numero}${c.porDefecto ? ' (por defecto)' : ''}`,
        })),
      };
    },
  });
}
