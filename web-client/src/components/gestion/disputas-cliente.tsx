import { Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { formatearFecha } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import type { Disputa } from '@/components/gestion/api/tipos';
import { useCambiarEstadoDisputa } from '@/components/gestion/api/use-cambiar-estado-disputa';
import { useDisputas } from '@/components/gestion/api/use-disputas';
import { AbrirDisputa } from '@/components/gestion/abrir-disputa';
import { estadosDisputa } from '@/components/gestion/cuotas';

export function EstadoDisputa({ estado }: { estado: string }) {
  const e = estadosDisputa[estado] ?? { etiqueta: estado, color: 'gray' };
  return (
    <Badge color={e.color} variant="light">
      {e.etiqueta}
    </Badge>
  );
}

function CambiarEstado({ disputa: d }: { disputa: Disputa }) {
  const [abierto, { open, close }] = useDisclosure(false);
  const cambiar = useCambiarEstadoDisputa(d.id);
  const [estado, setEstado] = useState<string | null>(
    d.estado === 'abierta' ? 'en_revision' : 'resuelta_cliente',
  );
  const [notas, setNotas] = useState('');
  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        Cambiar estado
      </Button>
      <Modal opened={abierto} onClose={close} title="Estado de la disputa" centered>
        <form
          aria-label="Cambiar estado de la disputa"
          onSubmit={(ev) => {
            ev.preventDefault();
            cambiar
              .mutateAsync({ estado: estado ?? '', notas: notas.trim() || null })
              .then(() => {
                notificarExito('Estado de la disputa actualizado.');
                close();
              })
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Stack>
            <Select
              label="Nuevo estado"
              data-autofocus
              allowDeselect={false}
              value={estado}
              onChange={setEstado}
              data={['en_revision', 'resuelta_cliente', 'resuelta_empresa'].map((v) => ({
                value: v,
                label: estadosDisputa[v]!.etiqueta,
              }))}
            />
            <Textarea label="Notas" value={notas} onChange={(e) => setNotas(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancelar
              </Button>
              <Button type="submit" loading={cambiar.isPending}>
                Guardar
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function DetalleDisputa({ disputa: d }: { disputa: Disputa }) {
  const abierta = d.estado === 'abierta' || d.estado === 'en_revision';
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <EstadoDisputa estado={d.estado} />
          <Text fw={500}>{d.motivo}</Text>
          <Text size="sm" c="dimmed">
            {d.documentoIds.length} documento(s) · abierta por {d.creadaPor} el {formatearFecha(d.creada)}
          </Text>
        </Group>
        {abierta && <CambiarEstado disputa={d} />}
      </Group>
      {d.notas && <Text size="sm">{d.notas}</Text>}
      {d.adjuntos.length > 0 && (
        <Text size="sm" mt="xs">
          Adjuntos: {d.adjuntos.map((a) => a.nombre).join(', ')}
        </Text>
      )}
      <Timeline mt="md" bulletSize={12} lineWidth={2} aria-label="Historial de la disputa">
        {d.historial.map((e, i) => (
          <Timeline.Item key={i} title={estadosDisputa[e.estado]?.etiqueta ?? e.estado}>
            <Text size="xs" c="dimmed">
              {formatearFecha(e.fecha)} · {e.autor}
            </Text>
            {e.notas && <Text size="sm">{e.notas}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

/** The client page's disputes: open one, and each with its state and history. */
export function DisputasCliente({ clienteId }: { clienteId: string }) {
  const disputas = useDisputas({ clienteId });
  const [abriendo, { open, close }] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={open}>Abrir disputa</Button>
      </Group>
      <Modal opened={abriendo} onClose={close} title="Disputa" centered size="lg">
        <AbrirDisputa clienteId={clienteId} onAbierta={close} onCancelar={close} />
      </Modal>
      {disputas.isPending ? (
        <Cargando />
      ) : disputas.isError ? (
        <ErrorConsulta error={disputas.error} reintentar={() => void disputas.refetch()} />
      ) : disputas.data.length === 0 ? (
        <Text c="dimmed">El cliente no tiene disputas.</Text>
      ) : (
        disputas.data.map((d) => <DetalleDisputa key={d.id} disputa={d} />)
      )}
    </Stack>
  );
}
