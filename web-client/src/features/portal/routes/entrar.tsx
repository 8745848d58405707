import { Alert, Anchor, Card, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { mensajeDeError } from '@/api/errors';
import { useAbrirSesion } from '@/features/portal/api/use-abrir-sesion';
import { MarcoPortal } from '@/features/portal/components/marco-portal';
import { tokenDeUrl } from '@/features/portal/lib/portal';

/** /portal/entrar?token=…: the link from the e-mail or reminder opens a session, once. */
export default function EntrarPortalRoute() {
  const { search } = useLocation();
  const navegar = useNavigate();
  const abrir = useAbrirSesion();
  const token = tokenDeUrl(search);
  const usado = useRef(false);

  useEffect(() => {
    // The link is single-use: StrictMode's second effect must not spend it again.
    if (!token || usado.current) return;
    usado.current = true;
    abrir.mutate(token, { onSuccess: () => navegar('/portal', { replace: true }) });
  }, [token, abrir, navegar]);

  return (
    <MarcoPortal titulo="Entrando al portal">
      <Card withBorder radius="md" p="lg" m="sm">
        {!token || abrir.isError ? (
          <Stack>
            <Alert color="red" title="No pudimos abrir el portal" role="alert">
              {abrir.isError ? mensajeDeError(abrir.error) : 'El enlace está incompleto.'}
            </Alert>
            <Anchor component={Link} to="/portal/acceso">
              Pedir un enlace nuevo
            </Anchor>
          </Stack>
        ) : (
          <Stack align="center">
            <Loader aria-label="Abriendo su sesión" />
            <Text>Abriendo su estado de cuenta…</Text>
          </Stack>
        )}
      </Card>
    </MarcoPortal>
  );
}
