import { Anchor, Button, Card, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { etiquetaTramo, formatearMonto } from '@/lib/cartera';
import { formatearFecha, formatearPorcentaje } from '@/lib/formato';
import { useProvision } from '@/features/provision/api/use-provision';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';

export default function ProvisionRoute() {
  const [params, setParams] = useSearchParams();
  const hoy = hoySantiago();
  const fechaCorte = /^\d{4}-\d{2}-\d{2}$/.test(params.get('fechaCorte') ?? '')
    ? params.get('fechaCorte')!
    : hoy;
  const provision = useProvision({ fechaCorte });

  return (
    <Pagina
      titulo="Provisión de incobrables"
      descripcion="Saldo de cada tramo de antigüedad (desde el vencimiento, en pesos) por el porcentaje de provisión de la empresa"
      acciones={
        <>
          <Button variant="default" component={Link} to={`/cartera/antiguedad?fechaCorte=${fechaCorte}`}>
            Antigüedad de saldos
          </Button>
          <Button variant="default" component={Link} to="/cartera/configuracion">
            Porcentajes y tramos
          </Button>
        </>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CampoFecha
            label="Fecha de corte"
            value={fechaCorte}
            onChange={(v) =>
              setParams(
                (p) => {
                  const q = new URLSearchParams(p);
                  if (v) q.set('fechaCorte', v);
                  else q.delete('fechaCorte');
                  return q;
                },
                { replace: true },
              )
            }
          />
        </SimpleGrid>
      </Card>
      {provision.isPending ? (
        <Cargando />
      ) : provision.isError ? (
        <ErrorConsulta error={provision.error} reintentar={() => void provision.refetch()} />
      ) : (
        <Card withBorder p={0}>
          <Group justify="space-between" p="sm">
            <Text size="sm" c="dimmed">
              Al {formatearFecha(provision.data.fechaCorte)}
            </Text>
            <Text size="sm">
              Provisión total:{' '}
              <b data-testid="provision-total">
                {formatearMonto(provision.data.provision, provision.data.moneda)}
              </b>
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table striped aria-label="Provisión por tramo">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tramo</Table.Th>
                  <Table.Th ta="right">Saldo</Table.Th>
                  <Table.Th ta="right">% provisión</Table.Th>
                  <Table.Th ta="right">Provisión</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {provision.data.tramos.map((t) => (
                  <Table.Tr key={t.codigo}>
                    <Table.Td>{etiquetaTramo(t.codigo)}</Table.Td>
                    <Table.Td ta="right">{formatearMonto(t.saldo, provision.data.moneda)}</Table.Td>
                    <Table.Td ta="right">{formatearPorcentaje(t.porcentaje)}</Table.Td>
                    <Table.Td ta="right">{formatearMonto(t.provision, provision.data.moneda)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>Total</Table.Th>
                  <Table.Th ta="right">
                    {formatearMonto(provision.data.saldo, provision.data.moneda)}
                  </Table.Th>
                  <Table.Th />
                  <Table.Th ta="right">
                    {formatearMonto(provision.data.provision, provision.data.moneda)}
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" p="sm">
            La provisión de cada tramo se redondea al peso. Los porcentajes se definen en la{' '}
            <Anchor component={Link} to="/cartera/configuracion" size="xs">
              configuración de cartera
            </Anchor>
            .
          </Text>
        </Card>
      )}
    </Pagina>
  );
}
