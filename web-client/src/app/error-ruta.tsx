import { Alert, Button, Center, Group, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { mensajeDeErrorRuta } from '@/lib/carga-diferida';

export function ErrorRuta() {
  const error = useRouteError();
  return (
    <Center p="xl">
      <Stack>
        <Alert color="red" title="Algo salió mal" role="alert">
          {mensajeDeErrorRuta(error)}
        </Alert>
        <Group>
          <Button onClick={() => window.location.reload()}>Recargar la página</Button>
          <Button variant="default" onClick={() => window.location.assign('/')}>
            Volver al inicio
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
