import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notificarExito } from '@/lib/notificar';
import {
  useConfiguracionGestion,
  type ConfiguracionGestion,
} from '@/features/indicadores-gestion/api/use-configuracion-gestion';
import { useGuardarConfiguracionGestion } from '@/features/indicadores-gestion/api/use-guardar-configuracion-gestion';

/** The setting N of the critical cases: a dispute open more than N days (default 30). */
export function DiasDisputaCritica() {
  const configuracion = useConfiguracionGestion();
  if (!configuracion.data) return null;
  return <Formulario key={configuracion.data.diasDisputaCritica} actual={configuracion.data} />;
}

function Formulario({ actual }: { actual: ConfiguracionGestion }) {
  const guardar = useGuardarConfiguracionGestion();
  const [dias, setDias] = useState<number>(actual.diasDisputaCritica ?? 30);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Casos críticos
      </Title>
      <Group align="flex-end">
        <NumberInput
          label="Días para que una disputa abierta sea crítica"
          min={1}
          max={365}
          allowDecimal={false}
          value={dias}
          onChange={(v) => setDias(Number(v) || 0)}
          maw={320}
        />
        <Button
          variant="default"
          loading={guardar.isPending}
          onClick={() =>
            guardar.mutate(
              { ...actual, diasDisputaCritica: dias },
              { onSuccess: () => notificarExito('Días guardados.') },
            )
          }
        >
          Guardar días
        </Button>
      </Group>
      {guardar.isError && (
        <Text c="red" role="alert">
          Los días deben estar entre 1 y 365.
        </Text>
      )}
    </Card>
  );
}
