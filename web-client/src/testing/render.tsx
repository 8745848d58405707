import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import type { Permiso, SesionActual } from '@/api/types';
import { ContextoAuth } from '@/lib/auth-contexto';

export const sesionDePrueba: SesionActual = {
  usuario: { id: 'u1', email: 'admin@andes.cl', nombre: 'Ana Admin' },
  empresa: { id: 'e1', rut: '76086428-5', razonSocial: 'Comercial Andes SpA', rol: 'Administrador' },
  actor: 'admin@andes.cl',
  permisos: ['ver', 'editar', 'enviar_notificaciones', 'supervisar', 'administrar'],
  empresas: [{ id: 'e1', rut: '76086428-5', razonSocial: 'Comercial Andes SpA', rol: 'Administrador' }],
};

/** Renders with Mantine, a query client with no network retries, a router and a fixed session. */
export function renderizar(
  ui: ReactElement,
  {
    permisos = sesionDePrueba.permisos as Permiso[],
    queryClient,
  }: { permisos?: Permiso[]; queryClient?: QueryClient } = {},
) {
  const qc =
    queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const sesion = { ...sesionDePrueba, permisos };
  const auth = {
    token: 't',
    sesion,
    cargando: false,
    error: null,
    tiene: (p: Permiso) => permisos.includes(p),
    iniciarSesion: async () => {},
    cambiarEmpresa: async () => {},
    cerrarSesion: async () => {},
  };
  return {
    queryClient: qc,
    ...render(
      <MantineProvider>
        <QueryClientProvider client={qc}>
          <ContextoAuth value={auth}>
            <MemoryRouter>{ui}</MemoryRouter>
          </ContextoAuth>
        </QueryClientProvider>
      </MantineProvider>,
    ),
  };
}
