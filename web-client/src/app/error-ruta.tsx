import { Alert, Button, Center, Stack } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

export function ErrorRuta() {
  const error = useRouteError();
  const mensaje = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Error inesperado';
  return (
    <Center p="xl">
      <Stack>
        <Alert color="red" title="Algo salió mal">
          {mensaje}
        </Alert>
        <Button variant="default" onClick={() => window.location.assign('/')}>
          Volver al inicio
        </Button>
      </Stack>
    </Center>
  );
}
