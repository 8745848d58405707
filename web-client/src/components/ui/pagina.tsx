import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Pagina({
  titulo,
  descripcion,
  acciones,
  children,
}: {
  titulo: ReactNode;
  descripcion?: ReactNode;
  acciones?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{titulo}</Title>
          {descripcion && (
            <Text c="gray.7" size="sm">
              {descripcion}
            </Text>
          )}
        </div>
        {acciones && <Group gap="xs">{acciones}</Group>}
      </Group>
      {children}
    </Stack>
  );
}
