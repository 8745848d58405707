import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFechaHora, formatearNumero } from '@/lib/formato';
import { vacioANulo } from '@/lib/formulario';
import { notificarError, notificarExito } from '@/lib/notificar';
import {
  type AprobacionPendiente,
  useAprobacionesPendientes,
} from '@/features/credito/api/use-aprobaciones-pendientes';
import { useRegistrarDecision } from '@/features/credito/api/use-registrar-decision';

const TIPO: Record<string, string> = { credito: 'Línea de crédito', convenio: 'Convenio' };

/** What the signed-in approver may decide now: their role reaches the level and they have not decided yet. */
export default function AprobacionesRoute() {
  const pendientes = useAprobacionesPendientes();
  const [decidiendo, setDecidiendo] = useState<{ a: AprobacionPendiente; aprueba: boolean } | null>(null);

  return (
    <Pagina
      titulo="Aprobaciones pendientes"
      descripcion="Líneas de crédito y convenios que esperan su decisión, por nivel de monto en UF"
    >
      {pendientes.isPending ? (
        <Cargando />
      ) : pendientes.isError ? (
        <ErrorConsulta error={pendientes.error} reintentar={() => void pendientes.refetch()} />
      ) : pendientes.data.length === 0 ? (
        <Text c="dimmed">No hay aprobaciones pendientes para usted.</Text>
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Aprobaciones pendientes" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Desde</Table.Th>
                <Table.Th>Tipo</Table.Th>
                <Table.Th>Descripción</Table.Th>
                <Table.Th ta="right">Monto UF</Table.Th>
                <Table.Th>Nivel</Table.Th>
                <Table.Th>Aprobaciones</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pendientes.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatearFechaHora(a.creada)}</Table.Td>
                  <Table.Td>{TIPO[a.tipo] ?? a.tipo}</Table.Td>
                  <Table.Td>
                    {a.clienteId ? (
                      <Link
                        to={`/clientes/${a.clienteId}?tab=${a.tipo === 'credito' ? 'credito' : 'convenios'}`}
                      >
                        {a.descripcion}
                      </Link>
                    ) : (
                      a.descripcion
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatearNumero(a.montoUf)}</Table.Td>
                  <Table.Td>
                    {a.nivel}{' '}
                    <Text span size="xs" c="dimmed">
                      ({a.rolMinimo})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color="yellow">
                      {a.aprobacionesRecibidas} de {a.aprobacionesRequeridas}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" color="green" onClick={() => setDecidiendo({ a, aprueba: true })}>
                        Aprobar
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => setDecidiendo({ a, aprueba: false })}
                      >
                        Rechazar
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal
        opened={decidiendo !== null}
        onClose={() => setDecidiendo(null)}
        title={decidiendo?.aprueba ? 'Aprobar' : 'Rechazar'}
      >
        {decidiendo && <Decision {...decidiendo} onListo={() => setDecidiendo(null)} />}
      </Modal>
    </Pagina>
  );
}

function Decision({
  a,
  aprueba,
  onListo,
}: {
  a: AprobacionPendiente;
  aprueba: boolean;
  onListo: () => void;
}) {
  const registrar = useRegistrarDecision();
  const [comentario, setComentario] = useState('');
  return (
    <Stack>
      <Text>{a.descripcion}</Text>
      <Textarea
        label="Comentario"
        description={aprueba ? 'Opcional.' : 'Obligatorio para rechazar.'}
        value={comentario}
        onChange={(e) => setComentario(e.currentTarget.value)}
        maxLength={1000}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onListo}>
          Cancelar
        </Button>
        <Button
          color={aprueba ? 'green' : 'red'}
          loading={registrar.isPending}
          onClick={() =>
            void registrar
              .mutateAsync({ id: a.id, aprueba, comentario: vacioANulo(comentario) })
              .then((r) => {
                notificarExito(
                  r.estado === 'pendiente'
                    ? `Aprobación registrada: faltan ${r.aprobacionesRequeridas - r.aprobacionesRecibidas}.`
                    : r.estado === 'aprobada'
                      ? 'Aprobada.'
                      : 'Rechazada.',
                );
                onListo();
              })
              .catch((e: unknown) => notificarError(e, 'No se registró la decisión'))
          }
        >
          {aprueba ? 'Aprobar' : 'Rechazar'}
        </Button>
      </Group>
    </Stack>
  );
}
