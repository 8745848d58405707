import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A KPI figure with its label and, behind an info icon (also read by screen readers), the sentence that defines it. */
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
      <Group gap={4} wrap="nowrap">
        <Text size="sm" c="dimmed">
          {etiqueta}
        </Text>
        <Definicion texto={definicion} etiqueta={etiqueta} />
      </Group>
      <Text fw={700} size="xl" data-testid={testId}>
        {valor}
      </Text>
    </div>
  );
}

export function Definicion({ texto, etiqueta }: { texto: string; etiqueta: string }) {
  return (
    <Tooltip label={texto} multiline w={360} withArrow events={{ hover: true, focus: true, touch: true }}>
      <ActionIcon variant="subtle" size="sm" aria-label={`Definición de ${etiqueta}: ${texto}`}>
        <IconInfoCircle size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
