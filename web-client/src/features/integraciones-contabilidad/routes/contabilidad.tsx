import { Alert, Badge, Button, Card, Group, Menu, SimpleGrid, Table, Text } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto } from '@/lib/cartera';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearFecha } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useAsientosPeriodo } from '@/features/integraciones-contabilidad/api/use-asientos-periodo';
import {
  useExportarAsientos,
  type FormatoExportacion,
} from '@/features/integraciones-contabilidad/api/use-exportar-asientos';
import { useGenerarAsientos } from '@/features/integraciones-contabilidad/api/use-generar-asientos';
import { cuadratura, etiquetasOrigen, mesDe } from '@/features/integraciones-contabilidad/components/cuentas';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export default function ContabilidadRoute() {
  const { tiene } = useAuth();
  const [params, setParams] = useSearchParams();
  const mes = mesDe(hoySantiago());
  const desde = ISO.test(params.get('desde') ?? '') ? params.get('desde')! : mes.desde;
  const hasta = ISO.test(params.get('hasta') ?? '') ? params.get('hasta')! : mes.hasta;
  const periodo = useAsientosPeriodo(desde, hasta);
  const generar = useGenerarAsientos();
  const exportar = useExportarAsientos();

  const cambiar = (campo: 'desde' | 'hasta', valor: string | null) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (valor) q.set(campo, valor);
        else q.delete(campo);
        return q;
      },
      { replace: true },
    );

  const descargar = (formato: FormatoExportacion) =>
    exportar.mutate({ formato, desde, hasta }, { onError: (e) => notificarError(e, 'No se pudo exportar') });

  return (
    <Pagina
      titulo="Exportación contable"
      descripcion="Asientos de los pagos recibidos, depósitos y protestos de cheques y castigos del período, con las cuentas de la configuración contable"
      acciones={
        <>
          {tiene('supervisar') && (
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              loading={generar.isPending}
              onClick={() =>
                generar.mutate(undefined, {
                  onSuccess: (r) =>
                    notificarExito(
                      r.generados === 0
                        ? 'Los asientos ya estaban al día.'
                        : `${r.generados} asientos nuevos.`,
                    ),
                  onError: (e) => notificarError(e),
                })
              }
            >
              Generar asientos pendientes
            </Button>
          )}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                leftSection={<IconDownload size={16} />}
                loading={exportar.isPending}
                disabled={desde > hasta}
              >
                Exportar
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => descargar('xlsx')}>Exportar Excel (XLSX)</Menu.Item>
              <Menu.Item onClick={() => descargar('csv')}>Exportar CSV (;)</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {tiene('administrar') && (
            <Button variant="default" component={Link} to="/integraciones/contabilidad/configuracion">
              Cuentas contables
            </Button>
          )}
        </>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CampoFecha label="Desde" value={desde} onChange={(v) => cambiar('desde', v)} />
          <CampoFecha
            label="Hasta"
            value={hasta}
            onChange={(v) => cambiar('hasta', v)}
            error={desde > hasta ? 'Hasta debe ser igual o posterior a desde.' : undefined}
          />
        </SimpleGrid>
      </Card>
      {desde > hasta ? null : periodo.isPending ? (
        <Cargando />
      ) : periodo.isError ? (
        <ErrorConsulta error={periodo.error} reintentar={() => void periodo.refetch()} />
      ) : (
        <>
          <Card withBorder p={0}>
            <Group justify="space-between" p="sm">
              <Text size="sm" c="dimmed">
                {periodo.data.cantidad} asientos del {formatearFecha(periodo.data.desde)} al{' '}
                {formatearFecha(periodo.data.hasta)}
              </Text>
              <Group gap="xs" data-testid="cuadratura">
                {cuadratura(periodo.data.totalesPorCuenta).map((c) => (
                  <Badge key={c.moneda} color={c.cuadra ? 'green' : 'red'} variant="light" tt="none">
                    {c.moneda}: debe {formatearMonto(c.debe, c.moneda)} · haber{' '}
                    {formatearMonto(c.haber, c.moneda)}
                  </Badge>
                ))}
              </Group>
            </Group>
            <Table.ScrollContainer minWidth={480}>
              <Table striped aria-label="Totales por cuenta">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Cuenta</Table.Th>
                    <Table.Th>Moneda</Table.Th>
                    <Table.Th ta="right">Debe</Table.Th>
                    <Table.Th ta="right">Haber</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {periodo.data.totalesPorCuenta.map((t) => (
                    <Table.Tr key={`${t.cuenta}-${t.moneda}`}>
                      <Table.Td>{t.cuenta}</Table.Td>
                      <Table.Td>{t.moneda}</Table.Td>
                      <Table.Td ta="right">{formatearMonto(t.debe, t.moneda)}</Table.Td>
                      <Table.Td ta="right">{formatearMonto(t.haber, t.moneda)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          {periodo.data.truncado && (
            <Alert color="blue">
              Se muestran los primeros {periodo.data.asientos.length} asientos; los totales y la exportación
              incluyen todos.
            </Alert>
          )}
          <Card withBorder p={0}>
            <Table.ScrollContainer minWidth={760}>
              <Table striped aria-label="Asientos del período">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>N.º</Table.Th>
                    <Table.Th>Fecha</Table.Th>
                    <Table.Th>Origen</Table.Th>
                    <Table.Th>Glosa</Table.Th>
                    <Table.Th>Cuenta</Table.Th>
                    <Table.Th ta="right">Debe</Table.Th>
                    <Table.Th ta="right">Haber</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {periodo.data.asientos.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text size="sm" c="dimmed">
                          No hay asientos en el período.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {periodo.data.asientos.flatMap((a) =>
                    a.lineas.map((l, i) => (
                      <Table.Tr key={`${a.id}-${i}`}>
                        <Table.Td>{i === 0 ? a.secuencia : ''}</Table.Td>
                        <Table.Td>{i === 0 ? formatearFecha(a.fecha) : ''}</Table.Td>
                        <Table.Td>{i === 0 ? (etiquetasOrigen[a.tipoOrigen] ?? a.tipoOrigen) : ''}</Table.Td>
                        <Table.Td>
                          {i === 0 ? [a.glosa, a.referencia].filter(Boolean).join(' · ') : ''}
                        </Table.Td>
                        <Table.Td>{l.cuenta}</Table.Td>
                        <Table.Td ta="right">
                          {Number(l.debe) ? formatearMonto(l.debe, a.moneda) : ''}
                        </Table.Td>
                        <Table.Td ta="right">
                          {Number(l.haber) ? formatearMonto(l.haber, a.moneda) : ''}
                        </Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      )}
    </Pagina>
  );
}
