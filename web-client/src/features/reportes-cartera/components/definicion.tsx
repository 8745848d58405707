import { Group, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A figure with its label and, in a tooltip, its definition (a short Spanish sentence). */
export function Cifra({
  etiqueta,
  valor,
  definicion,
  testId,
}: {
  etiqueta: string;
  valor: ReactNode;
  definicion: string;
  testId?: string;
}) {
  return (
    <div>
      <Group gap={4}>
        <Text size="sm" c="dimmed">
          {etiqueta}
        </Text>
        <Tooltip label={definicion} multiline w={280} withArrow>
          <IconInfoCircle size={14} aria-label={definicion} role="img" />
        </Tooltip>
      </Group>
      <Text fw={700} size="xl" data-testid={testId}>
        {valor}
      </Text>
    </div>
  );
}
