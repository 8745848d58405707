import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export default function NoEncontrado() {
  return (
    <Center p="xl">
      <Stack align="center">
        <Title order={2}>Página no encontrada</Title>
        <Text c="dimmed">La dirección no corresponde a ninguna pantalla.</Text>
        <Button component={Link} to="/clientes">
          Ir a Clientes
        </Button>
      </Stack>
    </Center>
  );
}
