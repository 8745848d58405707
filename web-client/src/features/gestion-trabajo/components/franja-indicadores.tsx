import { ActionIcon, Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMisIndicadores } from '@/features/gestion-trabajo/api/use-mis-indicadores';
import { cifrasFranja } from '@/features/gestion-trabajo/components/franja-logica';

/** The Cobrador's own KPI strip on "Mi trabajo"; nothing for a user who works as no collector. */
export function FranjaIndicadores() {
  const mis = useMisIndicadores();
  if (!mis.data?.cobradorId) return null;
  return (
    <Paper withBorder p="sm" aria-label="Mis indicadores" component="section">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {cifrasFranja(mis.data).map((c) => (
          <div key={c.etiqueta}>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {c.etiqueta}
              </Text>
              <Tooltip
                label={c.definicion}
                multiline
                w={300}
                withArrow
                events={{ hover: true, focus: true, touch: true }}
              >
                <ActionIcon
                  variant="subtle"
                  size="xs"
                  aria-label={`Definición de ${c.etiqueta}: ${c.definicion}`}
                >
                  <IconInfoCircle size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Text fw={700} data-testid={`mi-indicador-${c.etiqueta}`}>
              {c.valor}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
