import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** Centered card used by the public screens (login, account activation, password reset). */
export function MarcoPublico({ titulo, children }: { titulo: string; children: ReactNode }) {
  useDocumentTitle(`${titulo} · Cobranzas`);
  return (
    <Center component="main" mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <Stack gap="lg">
          <div>
            <Text fz={26} fw={700} c="blue.9">
              Cobranzas
            </Text>
            <Title order={1} fz="sm" fw={400} c="dimmed">
              {titulo}
            </Title>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
