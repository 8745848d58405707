import { ActionIcon, Anchor, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A tile of the dashboard: its figure, what it means (an info icon whose tooltip is the definition, also read by screen
 * readers) and a link to the report it comes from.
 */
export function TarjetaKpi({
  titulo,
  valor,
  definicion,
  enlace,
  textoEnlace = 'Ver reporte',
  pie,
  children,
  testId,
}: {
  titulo: string;
  valor?: ReactNode;
  definicion: string;
  enlace: string;
  textoEnlace?: string;
  pie?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId} role="region" aria-label={titulo}>
      <Stack gap={6} h="100%">
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text size="sm" fw={600} c="gray.7">
            {titulo}
          </Text>
          <Tooltip
            label={definicion}
            multiline
            w={260}
            withArrow
            events={{ hover: true, focus: true, touch: true }}
          >
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Qué es: ${definicion}`}>
              <IconInfoCircle size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {valor !== undefined && (
          <Text size="xl" fw={700} data-testid={testId ? `${testId}-valor` : undefined}>
            {valor}
          </Text>
        )}
        {pie && (
          <Text size="xs" c="gray.7">
            {pie}
          </Text>
        )}
        {children}
        <Anchor component={Link} to={enlace} size="sm" mt="auto">
          {textoEnlace}
        </Anchor>
      </Stack>
    </Card>
  );
}
