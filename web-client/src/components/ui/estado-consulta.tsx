import { Alert, Button, Center, Loader } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { mensajeDeError } from '@/api/errors';

export function Cargando() {
  return (
    <Center py="xl">
      <Loader role="status" aria-label="Cargando" />
    </Center>
  );
}

export function ErrorConsulta({ error, reintentar }: { error: unknown; reintentar?: () => void }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="No se pudo cargar">
      {mensajeDeError(error)}
      {reintentar && (
        <div>
          <Button mt="sm" size="xs" variant="light" color="red" onClick={reintentar}>
            Reintentar
          </Button>
        </div>
      )}
    </Alert>
  );
}
