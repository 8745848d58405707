import { Anchor, Badge, Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { useCompensacion } from '@/features/compensaciones/api/use-compensaciones';
import { EstadoCompensacion } from '@/features/compensaciones/components/estado-compensacion';
import { ReversarCompensacion } from '@/features/compensaciones/components/reversar-compensacion';

function Dato({ etiqueta, children }: { etiqueta: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

export default function CompensacionRoute() {
  const { id = '' } = useParams();
  const { tiene } = useAuth();
  const compensacion = useCompensacion(id);
  if (compensacion.isPending) return <Cargando />;
  if (compensacion.isError)
    return <ErrorConsulta error={compensacion.error} reintentar={() => void compensacion.refetch()} />;
  const c = compensacion.data;
  const m = (v: number | string) => formatearMonto(v, c.moneda);
  return (
    <Pagina
      titulo={
        <Group gap="sm">
          Compensación de {nombreTipoDocumento(c.notaCredito.tipo)} N° {c.notaCredito.folio}
          <EstadoCompensacion vigente={c.vigente} />
        </Group>
      }
      descripcion={
        <>
          <Anchor component={Link} to={`/clientes/${c.cliente.id}?tab=cartera`}>
            {c.cliente.razonSocial}
          </Anchor>{' '}
          · RUT {formatearRut(c.cliente.rut)}
        </>
      }
      acciones={
        <>
          <Button variant="default" component={Link} to="/cartera/compensaciones">
            Volver
          </Button>
          {tiene('editar') && c.vigente && <ReversarCompensacion compensacion={c} />}
        </>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Dato etiqueta="Fecha">{formatearFecha(c.fecha)}</Dato>
          <Dato etiqueta="Nota de crédito">
            <Anchor component={Link} to={`/cartera/documentos/${c.notaCredito.id}`} size="sm">
              {nombreTipoDocumento(c.notaCredito.tipo)} N° {c.notaCredito.folio}
            </Anchor>
          </Dato>
          <div>
            <Text size="xs" c="dimmed">
              Monto compensado
            </Text>
            <Text size="lg" fw={700} data-testid="monto-compensacion">
              {m(c.monto)}
            </Text>
          </div>
          <Dato etiqueta="Registrada por">{c.actor}</Dato>
        </SimpleGrid>
        <Text size="sm" mt="md">
          Motivo: {c.motivo}
        </Text>
        {!c.vigente && (
          <Text size="sm" mt="xs" c="red" data-testid="reversa-compensacion">
            Reversada el {formatearFecha(c.fechaReversa)}: {c.motivoReversa}
          </Text>
        )}
      </Card>
      <Card withBorder p={0}>
        <Title order={4} p="sm">
          Documentos compensados
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table striped aria-label="Líneas de la compensación">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Documento</Table.Th>
                <Table.Th>Cuota</Table.Th>
                <Table.Th ta="right">Monto</Table.Th>
                <Table.Th>Estado</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.lineas.map((l) => (
                <Table.Tr key={l.aplicacionId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cartera/documentos/${l.documentoId}`} size="sm">
                      {nombreTipoDocumento(l.tipo)} N° {l.folio}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{l.cuota}</Table.Td>
                  <Table.Td ta="right">{m(l.monto)}</Table.Td>
                  <Table.Td>
                    {l.activa ? (
                      <Badge color="teal" variant="light">
                        Activa
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        Reversada
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Pagina>
  );
}
