import { Center, Stack, Text, Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permiso } from '@/api/types';
import { useAuth } from '@/lib/auth-contexto';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';

/** Renders children only with a valid session; otherwise goes to /login (remembering where to come back). */
export function RequiereSesion({ children }: { children: ReactNode }) {
  const { token, sesion, cargando, error, cerrarSesion } = useAuth();
  const location = useLocation();
  if (!token) {
    const volver = location.pathname + location.search;
    return (
      <Navigate
        to={`/login${volver && volver !== '/' ? `?volver=${encodeURIComponent(volver)}` : ''}`}
        replace
      />
    );
  }
  if (cargando) return <Cargando />;
  if (!sesion) {
    return (
      <Center p="xl">
        <Stack>
          <ErrorConsulta error={error} />
          <Button variant="default" onClick={() => void cerrarSesion()}>
            Volver a iniciar sesión
          </Button>
        </Stack>
      </Center>
    );
  }
  return children;
}

/** Renders children only with the permission. */
export function RequierePermiso({ permiso, children }: { permiso: Permiso; children: ReactNode }) {
  const { tiene } = useAuth();
  if (!tiene(permiso)) {
    return (
      <Center p="xl">
        <Text c="dimmed">No tiene permiso para ver esta sección.</Text>
      </Center>
    );
  }
  return children;
}
