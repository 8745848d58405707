import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  useAlertas,
  useMarcarAlertaLeida,
  useMarcarAlertasLeidas,
  type Alerta,
} from '@/api/hooks/use-alertas';
import { formatearFechaHora } from '@/lib/formato';

/** The header's bell: unread count, the latest alerts, open one (marks it read) or mark all read. */
export function CampanaAlertas() {
  const [abierta, setAbierta] = useState(false);
  const navigate = useNavigate();
  const alertas = useAlertas();
  const marcar = useMarcarAlertaLeida();
  const marcarTodas = useMarcarAlertasLeidas();
  const noLeidas = Number(alertas.data?.noLeidas ?? 0);
  const items = alertas.data?.items ?? [];

  const abrir = (a: Alerta) => {
    if (!a.leida) marcar.mutate(a.id);
    setAbierta(false);
    navigate(a.enlace);
  };

  return (
    <Popover
      opened={abierta}
      onChange={setAbierta}
      position="bottom-end"
      width={340}
      shadow="md"
      withinPortal
      // The bell button carries its own aria-expanded; Mantine's would land on the Indicator's <div>.
      withRoles={false}
    >
      <Popover.Target>
        <Indicator
          label={noLeidas > 99 ? '99+' : noLeidas}
          size={16}
          disabled={noLeidas === 0}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => setAbierta((a) => !a)}
            aria-label={noLeidas > 0 ? `Alertas: ${noLeidas} sin leer` : 'Alertas'}
            aria-haspopup="dialog"
            aria-expanded={abierta}
            data-testid="campana-alertas"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label="Alertas">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Alertas</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={noLeidas === 0}
            loading={marcarTodas.isPending}
            onClick={() => marcarTodas.mutate()}
          >
            Marcar todas como leídas
          </Button>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tiene alertas.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((a) => (
                <li key={a.id}>
                  <UnstyledButton
                    onClick={() => abrir(a)}
                    w="100%"
                    p={6}
                    style={{
                      borderRadius: 4,
                      background: a.leida ? undefined : 'var(--mantine-color-blue-light)',
                    }}
                    aria-label={`${a.leida ? '' : 'Sin leer: '}${a.titulo}${a.detalle ? `. ${a.detalle}` : ''}`}
                  >
                    <Text size="sm" fw={a.leida ? 400 : 600}>
                      {a.titulo}
                    </Text>
                    {a.detalle && (
                      <Text size="xs" c="dimmed">
                        {a.detalle}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatearFechaHora(a.creada)}
                    </Text>
                  </UnstyledButton>
                  {!a.leida && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => marcar.mutate(a.id)}
                      aria-label={`Marcar como leída: ${a.titulo}`}
                    >
                      Marcar leída
                    </Button>
                  )}
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
