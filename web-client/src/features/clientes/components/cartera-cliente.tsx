import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCash, IconFileSpreadsheet, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { etiquetaTramo, formatearMonto, nombreCanal, nombreTipoDocumento } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';
import { useEstadoCuenta } from '@/features/clientes/api/use-estado-cuenta';
import {
  useDescargarEstadoCuenta,
  type FormatoEstadoCuenta,
} from '@/features/clientes/api/use-descargar-estado-cuenta';
import { CreditoCliente } from '@/features/clientes/components/credito-cliente';
import { CampoFecha } from '@/components/ui/campo-fecha';

function Cifra({
  etiqueta,
  valor,
  color,
  testId,
}: {
  etiqueta: string;
  valor: string;
  color?: string;
  testId?: string;
}) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {valor}
      </Text>
    </Card>
  );
}

/** Account statement of the client: balances, aging, open documents and payments in the period. */
export function CarteraCliente({ clienteId }: { clienteId: string }) {
  const puedeEditar = usePermiso('editar');
  const [fechaCorte, setFechaCorte] = useState<string | null>(null);
  const [desde, setDesde] = useState<string | null>(null);
  const [hasta, setHasta] = useState<string | null>(null);
  const filtros = {
    fechaCorte: fechaCorte ?? undefined,
    desde: desde ?? undefined,
    hasta: hasta ?? undefined,
  };
  const estado = useEstadoCuenta(clienteId, filtros);
  const descargarEstado = useDescargarEstadoCuenta(clienteId);
  const [descargando, setDescargando] = useState<FormatoEstadoCuenta | null>(null);
  async function descargar(formato: FormatoEstadoCuenta) {
    setDescargando(formato);
    try {
      await descargarEstado.mutateAsync({ formato, filtros });
    } catch (e) {
      notificarError(e, 'No se pudo descargar el estado de cuenta');
    } finally {
      setDescargando(null);
    }
  }

  return (
    <Stack>
      <Card withBorder>
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <CampoFecha
              label="Fecha de corte"
              placeholder={estado.data ? formatearFecha(estado.data.fechaCorte) : 'dd-mm-aaaa'}
              clearable
              value={fechaCorte}
              onChange={setFechaCorte}
            />
            <CampoFecha
              label="Pagos desde"
              placeholder={estado.data ? formatearFecha(estado.data.desde) : 'dd-mm-aaaa'}
              clearable
              value={desde}
              onChange={setDesde}
            />
            <CampoFecha
              label="Pagos hasta"
              placeholder={estado.data ? formatearFecha(estado.data.hasta) : 'dd-mm-aaaa'}
              clearable
              value={hasta}
              onChange={setHasta}
            />
          </Group>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              loading={descargando === 'pdf'}
              disabled={descargando !== null}
              onClick={() => void descargar('pdf')}
            >
              Descargar PDF
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={descargando === 'xlsx'}
              disabled={descargando !== null}
              onClick={() => void descargar('xlsx')}
            >
              Descargar XLSX
            </Button>
          </Group>
          {puedeEditar && (
            <Group gap="xs">
              <Button
                variant="default"
                component={Link}
                to={`/cartera/documentos/nuevo?clienteId=${clienteId}`}
                leftSection={<IconPlus size={16} />}
              >
                Nuevo documento
              </Button>
              <Button
                component={Link}
                to={`/cartera/pagos/nuevo?clienteId=${clienteId}`}
                leftSection={<IconCash size={16} />}
              >
                Registrar pago
              </Button>
            </Group>
          )}
        </Group>
      </Card>
      {estado.isPending ? (
        <Cargando />
      ) : estado.isError ? (
        <ErrorConsulta error={estado.error} reintentar={() => void estado.refetch()} />
      ) : (
        (() => {
          const e = estado.data;
          const aFavor = e.saldoAFavor.filter((s) => (aNumero(s.monto) ?? 0) !== 0);
          return (
            <>
              <CreditoCliente clienteId={clienteId} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Cifra
                  etiqueta="Saldo"
                  valor={formatearMonto(e.saldo, e.moneda)}
                  testId="estado-cuenta-saldo"
                />
                <Cifra
                  etiqueta="Saldo vencido"
                  valor={formatearMonto(e.saldoVencido, e.moneda)}
                  color={(aNumero(e.saldoVencido) ?? 0) > 0 ? 'red' : undefined}
                />
                <Cifra
                  etiqueta="Saldo a favor"
                  valor={
                    aFavor.length === 0
                      ? '—'
                      : aFavor.map((s) => formatearMonto(s.monto, s.moneda)).join(' · ')
                  }
                  color="teal"
                />
              </SimpleGrid>
              {(aNumero(e.saldoCedidoDelegado) ?? 0) > 0 && (
                <Text size="sm" c="dimmed" data-testid="estado-cuenta-cedido-delegado">
                  Del saldo, {formatearMonto(e.saldoCedidoDelegado, e.moneda)} está cedido a factoring con
                  administración delegada: el cliente lo paga a la empresa, que lo transfiere al factor.
                </Text>
              )}
              <Card withBorder p={0}>
                <Title order={4} p="sm">
                  Antigüedad
                </Title>
                <Table aria-label="Antigüedad del cliente">
                  <Table.Thead>
                    <Table.Tr>
                      {e.antiguedad.map((t) => (
                        <Table.Th key={t.codigo} ta="right">
                          {etiquetaTramo(t.codigo)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    <Table.Tr>
                      {e.antiguedad.map((t) => (
                        <Table.Td key={t.codigo} ta="right">
                          {formatearMonto(t.monto, e.moneda)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Card>
              <Card withBorder p={0}>
                <Group p="sm" justify="space-between">
                  <Title order={4}>Documentos abiertos</Title>
                  <Anchor component={Link} to={`/cartera/documentos?clienteId=${clienteId}`} size="sm">
                    Ver todos los documentos
                  </Anchor>
                </Group>
                {e.documentos.length === 0 ? (
                  <Text c="dimmed" p="md">
                    Sin documentos con saldo.
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={700}>
                    <Table striped aria-label="Documentos abiertos">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Documento</Table.Th>
                          <Table.Th>Emisión</Table.Th>
                          <Table.Th>Vencimiento</Table.Th>
                          <Table.Th ta="right">Total</Table.Th>
                          <Table.Th ta="right">Saldo</Table.Th>
                          <Table.Th ta="right">Días vencido</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {e.documentos.map((d) => {
                          const dias = aNumero(d.diasVencido) ?? 0;
                          return (
                            <Table.Tr key={d.id}>
                              <Table.Td>
                                <Anchor component={Link} to={`/cartera/documentos/${d.id}`}>
                                  {nombreTipoDocumento(d.tipo)} N° {d.folio}
                                </Anchor>
                                {d.cedidoDelegadoA && (
                                  <Text size="xs" c="dimmed">
                                    Cedido a {d.cedidoDelegadoA} (administración delegada)
                                  </Text>
                                )}
                              </Table.Td>
                              <Table.Td>{formatearFecha(d.fechaEmision)}</Table.Td>
                              <Table.Td>{formatearFecha(d.fechaVencimiento)}</Table.Td>
                              <Table.Td ta="right">{formatearMonto(d.total, d.moneda)}</Table.Td>
                              <Table.Td ta="right">{formatearMonto(d.saldo, d.moneda)}</Table.Td>
                              <Table.Td ta="right" c={dias > 0 ? 'red' : undefined}>
                                {dias > 0 ? dias : '—'}
                              </Table.Td>
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Card>
              <Card withBorder p={0}>
                <Title order={4} p="sm">
                  Pagos del {formatearFecha(e.desde)} al {formatearFecha(e.hasta)}
                </Title>
                {e.pagos.length === 0 ? (
                  <Text c="dimmed" p="md">
                    Sin pagos en el período.
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={700}>
                    <Table striped aria-label="Pagos del período">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Fecha</Table.Th>
                          <Table.Th>Canal</Table.Th>
                          <Table.Th>Referencia</Table.Th>
                          <Table.Th ta="right">Monto</Table.Th>
                          <Table.Th>Aplicado a</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {e.pagos.map((p) => (
                          <Table.Tr key={p.id}>
                            <Table.Td>
                              <Anchor component={Link} to={`/cartera/pagos/${p.id}`}>
                                {formatearFecha(p.fecha)}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>{nombreCanal(p.canal)}</Table.Td>
                            <Table.Td>{p.referencia}</Table.Td>
                            <Table.Td ta="right">{formatearMonto(p.monto, p.moneda)}</Table.Td>
                            <Table.Td>
                              {p.aplicaciones
                                .filter((a) => a.activa)
                                .map(
                                  (a) =>
                                    `${nombreTipoDocumento(a.tipo)} N° ${a.folio}: ${formatearMonto(a.monto, p.moneda)}`,
                                )
                                .join(' · ') || '—'}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Card>
            </>
          );
        })()
      )}
    </Stack>
  );
}
