import { IconBan } from '@tabler/icons-react';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import type { Compromiso } from '@/components/gestion/api/tipos';
import { useAnularCompromiso } from '@/components/gestion/api/use-anular-compromiso';
import { useCompromisos } from '@/components/gestion/api/use-compromisos';
import { useReprogramarCompromiso } from '@/components/gestion/api/use-reprogramar-compromiso';
import { estadosCompromiso } from '@/components/gestion/cuotas';
import { TomarCompromiso } from '@/components/gestion/tomar-compromiso';

export function EstadoCompromiso({ estado }: { estado: string }) {
  const e = estadosCompromiso[estado] ?? { etiqueta: estado, color: 'gray' };
  return (
    <Badge color={e.color} variant="light">
      {e.etiqueta}
    </Badge>
  );
}

const acciones: Record<string, string> = {
  creado: 'Tomado',
  reprogramado: 'Reprogramado',
  anulado: 'Anulado',
  cumplido: 'Cumplido',
  cumplido_parcial: 'Cumplido parcialmente',
  incumplido: 'Incumplido',
  pendiente: 'Vuelve a pendiente',
};

/** One promise: installments, state, the history of its versions, and reschedule / cancel while open. */
export function DetalleCompromiso({ compromiso: c }: { compromiso: Compromiso }) {
  const abierto = c.estado !== 'cumplido' && c.estado !== 'anulado';
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <EstadoCompromiso estado={c.estado} />
          <Text fw={500}>
            {formatearPesos(c.montoCumplido)} de {formatearPesos(c.monto)}
          </Text>
          <Text size="sm" c="dimmed">
            versión {c.version} · {c.canal} · tomado por {c.tomadoPor} el {formatearFecha(c.creado)}
          </Text>
        </Group>
        {abierto && (
          <Group gap="xs">
            <Reprogramar compromiso={c} />
            <Anular id={c.id} />
          </Group>
        )}
      </Group>
      <Table aria-label="Cuotas del compromiso">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Cuota</Table.Th>
            <Table.Th>Fecha</Table.Th>
            <Table.Th ta="right">Monto</Table.Th>
            <Table.Th ta="right">Pagado</Table.Th>
            <Table.Th>Estado</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.cuotas.map((q) => (
            <Table.Tr key={q.numero}>
              <Table.Td>{q.numero}</Table.Td>
              <Table.Td>{formatearFecha(q.fecha)}</Table.Td>
              <Table.Td ta="right">{formatearPesos(q.monto)}</Table.Td>
              <Table.Td ta="right">{formatearPesos(q.montoCumplido)}</Table.Td>
              <Table.Td>
                <EstadoCompromiso estado={q.estado} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {c.notas && (
        <Text size="sm" mt="xs">
          {c.notas}
        </Text>
      )}
      <Timeline mt="md" bulletSize={12} lineWidth={2} aria-label="Historial del compromiso">
        {c.historial.map((e, i) => (
          <Timeline.Item key={i} title={`${acciones[e.accion] ?? e.accion} · v${e.version}`}>
            <Text size="xs" c="dimmed">
              {formatearFecha(e.fecha)} · {e.autor}
            </Text>
            {e.motivo && <Text size="sm">{e.motivo}</Text>}
            {e.cuotas.length > 0 && (
              <Text size="sm">
                {e.cuotas.map((q) => `${formatearFecha(q.fecha)}: ${formatearPesos(q.monto)}`).join(' · ')}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

function Reprogramar({ compromiso: c }: { compromiso: Compromiso }) {
  const [abierto, { open, close }] = useDisclosure(false);
  const reprogramar = useReprogramarCompromiso(c.id);
  const hoy = hoySantiago();
  const [cuotas, setCuotas] = useState(() =>
    c.cuotas.map((q) => ({ fecha: q.fecha < hoy ? hoy : q.fecha, monto: Number(q.monto) })),
  );
  const [motivo, setMotivo] = useState('');
  return (
    <>
      <Button size="xs" variant="light" onClick={open}>
        Reprogramar
      </Button>
      <Modal opened={abierto} onClose={close} title="Reprogramar compromiso" centered>
        <form
          aria-label="Reprogramar compromiso"
          onSubmit={(ev) => {
            ev.preventDefault();
            reprogramar
              .mutateAsync({ cuotas, motivo: motivo.trim() })
              .then(() => {
                notificarExito('Compromiso reprogramado: queda una versión nueva.');
                close();
              })
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Stack>
            {cuotas.map((q, i) => (
              <Group key={i} grow>
                <CampoFecha
                  label={`Nueva fecha cuota ${i + 1}`}
                  minDate={hoy}
                  value={q.fecha}
                  data-autofocus={i === 0 ? true : undefined}
                  onChange={(f) =>
                    setCuotas((cs) => cs.map((x, j) => (j === i ? { ...x, fecha: f ?? x.fecha } : x)))
                  }
                />
                <Text size="sm">{formatearPesos(q.monto)}</Text>
              </Group>
            ))}
            <Textarea
              label="Motivo"
              required
              value={motivo}
              onChange={(e) => setMotivo(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancelar
              </Button>
              <Button type="submit" loading={reprogramar.isPending} disabled={!motivo.trim()}>
                Reprogramar
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function Anular({ id }: { id: string }) {
  const [abierto, { open, close }] = useDisclosure(false);
  const anular = useAnularCompromiso(id);
  const [motivo, setMotivo] = useState('');
  return (
    <>
      <Button size="xs" variant="outline" color="red" leftSection={<IconBan size={14} />} onClick={open}>
        Anular
      </Button>
      <Modal opened={abierto} onClose={close} title="Anular compromiso" centered>
        <form
          aria-label="Anular compromiso"
          onSubmit={(ev) => {
            ev.preventDefault();
            anular
              .mutateAsync(motivo.trim())
              .then(() => {
                notificarExito('Compromiso anulado.');
                close();
              })
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Stack>
            <Textarea
              label="Motivo"
              data-autofocus
              required
              value={motivo}
              onChange={(e) => setMotivo(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Volver
              </Button>
              <Button type="submit" color="red" loading={anular.isPending} disabled={!motivo.trim()}>
                Anular
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The client page's promises: take one, and each with its installments and history. */
export function CompromisosCliente({ clienteId }: { clienteId: string }) {
  const compromisos = useCompromisos({ clienteId });
  const [tomando, { open, close }] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={open}>Tomar compromiso</Button>
      </Group>
      <Modal opened={tomando} onClose={close} title="Compromiso de pago" centered size="lg">
        <TomarCompromiso clienteId={clienteId} onTomado={close} onCancelar={close} />
      </Modal>
      {compromisos.isPending ? (
        <Cargando />
      ) : compromisos.isError ? (
        <ErrorConsulta error={compromisos.error} reintentar={() => void compromisos.refetch()} />
      ) : compromisos.data.length === 0 ? (
        <Text c="dimmed">El cliente no tiene compromisos de pago.</Text>
      ) : (
        compromisos.data.map((c) => <DetalleCompromiso key={c.id} compromiso={c} />)
      )}
    </Stack>
  );
}
