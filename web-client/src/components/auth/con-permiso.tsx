import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Permiso } from '@/api/types';
import { usePermiso } from '@/lib/auth-contexto';

/** Shows its children (an action: a button, a link, a menu item) only when the session has the permission. */
export function ConPermiso({
  permiso,
  children,
  sino = null,
}: {
  permiso: Permiso;
  children: ReactNode;
  sino?: ReactNode;
}) {
  return usePermiso(permiso) ? children : sino;
}

const textoPermiso: Record<Permiso, string> = {
  ver: 'consultar la información',
  editar: 'registrar o modificar datos',
  enviar_notificaciones: 'enviar notificaciones',
  supervisar: 'supervisar la cobranza',
  administrar: 'administrar la empresa',
};

/** The page a person sees on a screen their role cannot use (typed or bookmarked address). */
export function SinPermiso({ permiso }: { permiso: Permiso }) {
  useDocumentTitle('Sin permiso · Cobranzas');
  return (
    <Center p="xl">
      <Stack align="center" maw={520} data-testid="sin-permiso">
        <IconLock size={40} aria-hidden />
        <Title order={1} size="h2">
          No tiene permiso para esta pantalla
        </Title>
        <Text c="dimmed" ta="center">
          Su rol no permite {textoPermiso[permiso]}. Si lo necesita, pida a un administrador de la empresa que
          cambie su rol.
        </Text>
        <Button component={Link} to="/">
          Ir al inicio
        </Button>
      </Stack>
    </Center>
  );
}

/** Route guard: renders the screen only with the permission, otherwise {@link SinPermiso}. */
export function RequierePermiso({ permiso, children }: { permiso: Permiso; children: ReactNode }) {
  return usePermiso(permiso) ? children : <SinPermiso permiso={permiso} />;
}
