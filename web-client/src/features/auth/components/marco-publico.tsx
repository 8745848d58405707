import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Centered card used by the public screens (login, account activation). */
export function MarcoPublico({ titulo, children }: { titulo: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <Stack gap="lg">
          <div>
            <Title order={2} c="blue.7">
              Cobranzas
            </Title>
            <Text c="dimmed" size="sm">
              {titulo}
            </Text>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
