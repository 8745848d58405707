import { Badge, Button, Card, Code, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Paginacion } from '@/components/ui/paginacion';
import { formatearFechaHora } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useEntregaWebhook } from '@/features/integraciones-webhooks/api/use-entrega-webhook';
import { useEntregasWebhook } from '@/features/integraciones-webhooks/api/use-entregas-webhook';
import { useReenviarEntregaWebhook } from '@/features/integraciones-webhooks/api/use-reenviar-entrega-webhook';

const colores: Record<string, string> = { entregada: 'teal', pendiente: 'yellow', fallida: 'red' };

export function EstadoEntrega({ estado }: { estado: string }) {
  return (
    <Badge color={colores[estado] ?? 'gray'} variant="light">
      {estado}
    </Badge>
  );
}

/** HTTP status of an attempt: 2xx green, otherwise red; no status means no answer (connection, timeout, refused target). */
export function CodigoEstado({ codigo }: { codigo: number | null | undefined }) {
  if (codigo === null || codigo === undefined)
    return (
      <Text span c="dimmed">
        sin respuesta
      </Text>
    );
  return (
    <Badge color={codigo >= 200 && codigo < 300 ? 'teal' : 'red'} variant="outline">
      {codigo}
    </Badge>
  );
}

function Detalle({ id, onCerrar }: { id: string; onCerrar: () => void }) {
  const entrega = useEntregaWebhook(id);
  return (
    <Modal opened onClose={onCerrar} title="Entrega de webhook" size="xl">
      {entrega.isPending ? (
        <Cargando />
      ) : entrega.isError ? (
        <ErrorConsulta error={entrega.error} />
      ) : (
        <Stack>
          <Group gap="xs">
            <Code>{entrega.data.entrega.tipo}</Code>
            <EstadoEntrega estado={entrega.data.entrega.estado} />
            <Text size="sm" c="dimmed">
              Evento {entrega.data.entrega.eventoId}
            </Text>
          </Group>
          <Code block style={{ maxHeight: 200, overflow: 'auto' }}>
            {entrega.data.cuerpo}
          </Code>
          <Table aria-label="Intentos" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Momento</Table.Th>
                <Table.Th>Código</Table.Th>
                <Table.Th>Duración</Table.Th>
                <Table.Th>Respuesta</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entrega.data.intentos.map((i) => (
                <Table.Tr key={`${i.numero}-${i.momento}`}>
                  <Table.Td>{i.numero}</Table.Td>
                  <Table.Td>{formatearFechaHora(i.momento)}</Table.Td>
                  <Table.Td>
                    <CodigoEstado codigo={i.codigoEstado} />
                  </Table.Td>
                  <Table.Td>{i.duracionMs} ms</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{i.error ?? i.respuesta ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}

/** The delivery log of one subscription: state, status code, timing, next attempt, with replay and the attempts' detail. */
export function EntregasWebhook({ suscripcionId }: { suscripcionId: string }) {
  const [estado, setEstado] = useState<string | null>(null);
  const [pagina, setPagina] = useState(1);
  const [detalle, setDetalle] = useState<string | null>(null);
  const entregas = useEntregasWebhook(suscripcionId, { estado: estado ?? undefined, pagina });
  const reenviar = useReenviarEntregaWebhook();
  return (
    <Stack>
      <Select
        label="Estado"
        placeholder="Todos"
        clearable
        data={[
          { value: 'pendiente', label: 'Pendiente' },
          { value: 'entregada', label: 'Entregada' },
          { value: 'fallida', label: 'Fallida' },
        ]}
        value={estado}
        onChange={(v) => {
          setEstado(v);
          setPagina(1);
        }}
        w={200}
      />
      {entregas.isPending ? (
        <Cargando />
      ) : entregas.isError ? (
        <ErrorConsulta error={entregas.error} />
      ) : entregas.data.items.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">Todavía no hay entregas.</Text>
        </Card>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label="Registro de entregas" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Creada</Table.Th>
                  <Table.Th>Evento</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th>Intentos</Table.Th>
                  <Table.Th>Último código</Table.Th>
                  <Table.Th>Duración</Table.Th>
                  <Table.Th>Próximo intento</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entregas.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatearFechaHora(e.creada)}</Table.Td>
                    <Table.Td>
                      <Code>{e.tipo}</Code>
                    </Table.Td>
                    <Table.Td>
                      <EstadoEntrega estado={e.estado} />
                    </Table.Td>
                    <Table.Td>{e.intentos}</Table.Td>
                    <Table.Td title={e.ultimoDetalle ?? undefined}>
                      {e.intentos > 0 ? <CodigoEstado codigo={e.ultimoCodigo} /> : '—'}
                    </Table.Td>
                    <Table.Td>{e.ultimaDuracionMs == null ? '—' : `${e.ultimaDuracionMs} ms`}</Table.Td>
                    <Table.Td>{e.proximoIntento ? formatearFechaHora(e.proximoIntento) : '—'}</Table.Td>
                    <Table.Td align="right">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setDetalle(e.id)}>
                          Ver
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          loading={reenviar.isPending && reenviar.variables === e.id}
                          aria-label={`Reenviar ${e.tipo} ${e.eventoId}`}
                          onClick={async () => {
                            try {
                              const r = await reenviar.mutateAsync(e.id);
                              if (r.entrega.estado === 'entregada')
                                notificarExito('Evento reenviado y aceptado por el receptor.');
                              else
                                notificarError(
                                  new Error(r.entrega.ultimoDetalle ?? 'El receptor no aceptó el evento.'),
                                  'Reenvío fallido',
                                );
                            } catch (err) {
                              notificarError(err);
                            }
                          }}
                        >
                          Reenviar
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Paginacion total={entregas.data.total} pagina={pagina} tamano={25} onPagina={setPagina} />
        </>
      )}
      {detalle && <Detalle id={detalle} onCerrar={() => setDetalle(null)} />}
    </Stack>
  );
}
