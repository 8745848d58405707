import { Center, Stack, Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
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

export { RequierePermiso } from '@/components/auth/con-permiso';
