import {
  Anchor,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { etiquetaTramo, formatearMonto, type TramoAntiguedad } from '@/lib/cartera';
import { formatearRut } from '@/lib/rut';
import { useAntiguedad } from '@/api/hooks/use-antiguedad';
import { conCambios } from '@/lib/filtros-url';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';

// ECharts is heavy: load it after the table.
const GraficoAntiguedad = lazy(() =>
  import('@/features/antiguedad/components/grafico-antiguedad').then((m) => ({
    default: m.GraficoAntiguedad,
  })),
);

const agrupaciones = [
  { value: 'cliente', label: 'Cliente' },
  { value: 'segmento', label: 'Segmento' },
  { value: 'empresa', label: 'Empresa' },
];
const bases = [
  { value: 'vencimiento', label: 'Desde el vencimiento' },
  { value: 'emision', label: 'Desde la emisión' },
];

/** The client group is named `<rut> <razón social>` with the canonical RUT: show it formatted, after the name. */
function nombreCliente(nombre: string): string {
  const m = /^(\d{1,9}-[\dkK])\s+(.+)$/.exec(nombre);
  return m?.[1] && m[2] ? `${m[2]} · ${formatearRut(m[1])}` : nombre;
}

export default function AntiguedadRoute() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const hoy = hoySantiago();
  const fechaCorte = /^\d{4}-\d{2}-\d{2}$/.test(params.get('fechaCorte') ?? '')
    ? params.get('fechaCorte')!
    : hoy;
  const agrupar = agrupaciones.find((a) => a.value === params.get('agrupar'))?.value ?? 'cliente';
  const base = bases.find((b) => b.value === params.get('base'))?.value ?? 'vencimiento';
  const pagina = Math.max(1, Number(params.get('pagina')) || 1);
  // Documents ceded under administración delegada are the factor's money: shown apart unless the user asks to add them.
  const incluirCedidosDelegados = params.get('delegados') === '1';
  const tamanoPagina = 25;
  // The report filters a report's link carries (segment, collector, portfolio, group) narrow the aging too.
  const filtrosReporte = Object.fromEntries(
    (['segmento', 'cobradorId', 'carteraId', 'grupoId'] as const).flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, v]] : [];
    }),
  );
  const antiguedad = useAntiguedad({
    fechaCorte,
    agrupar,
    base,
    pagina,
    tamanoPagina,
    ...(incluirCedidosDelegados ? { incluirCedidosDelegados: true } : {}),
    ...filtrosReporte,
  });
  const telefono = useMediaQuery('(max-width: 48em)') ?? false;
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });

  /**
   * Documents of a bucket (and client) as of the cut-off: the list's bucket filter, evaluated by the server with each
   * installment's balance at that date (a due-date range would also list what was paid). Buckets count from the due
   * date; with aging from the issue date the link lists the client's documents only.
   */
  const enlace = (tramo: TramoAntiguedad | null, clienteId?: string) => {
    const q = new URLSearchParams();
    if (clienteId) q.set('clienteId', clienteId);
    if (tramo && base === 'vencimiento') {
      q.set('tramo', tramo.codigo);
      q.set('fechaCorte', fechaCorte);
      if (incluirCedidosDelegados) q.set('incluirCedidosDelegados', 'true');
    }
    q.set('orden', 'fechaVencimiento');
    return `/cartera/documentos?${q.toString()}`;
  };

  return (
    <Pagina titulo="Antigüedad de saldos" descripcion="Saldo de la cartera por tramo de días, en pesos (CLP)">
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CampoFecha
            label="Fecha de corte"
            value={fechaCorte}
            onChange={(v) => cambiar({ fechaCorte: v })}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Agrupar por
            </Text>
            <SegmentedControl
              aria-label="Agrupar por"
              data={agrupaciones}
              value={agrupar}
              onChange={(v) => cambiar({ agrupar: v })}
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>
              Base
            </Text>
            <SegmentedControl
              aria-label="Base"
              data={bases}
              value={base}
              onChange={(v) => cambiar({ base: v })}
            />
          </div>
        </SimpleGrid>
        <Switch
          mt="md"
          label="Incluir los documentos cedidos a factoring con administración delegada"
          description="La empresa los cobra por cuenta del factor; sin esta opción se muestran aparte y no suman a la cartera propia."
          checked={incluirCedidosDelegados}
          onChange={(e) => cambiar({ delegados: e.currentTarget.checked ? '1' : null, pagina: null })}
        />
      </Card>
      {antiguedad.isPending ? (
        <Cargando />
      ) : antiguedad.isError ? (
        <ErrorConsulta error={antiguedad.error} reintentar={() => void antiguedad.refetch()} />
      ) : (
        (() => {
          const a = antiguedad.data;
          const tramos = a.definicionTramos;
          const monto = (lista: { codigo: string; monto: number | string }[], codigo: string) =>
            lista.find((x) => x.codigo === codigo)?.monto ?? 0;
          return (
            <>
              <Card withBorder>
                <Group justify="space-between" mb="sm">
                  <Title order={4}>Total por tramo</Title>
                  <Text size="sm">
                    {a.incluyeCedidosDelegados ? 'Total a cobrar' : 'Total cartera propia'}:{' '}
                    <b data-testid="total-antiguedad">{formatearMonto(a.total, a.moneda)}</b>
                  </Text>
                </Group>
                {Number(a.totalCedidoDelegado) !== 0 && (
                  <Text size="sm" c="dimmed" mb="sm" data-testid="total-cedido-delegado">
                    Cedido a factoring con administración delegada:{' '}
                    <b>{formatearMonto(a.totalCedidoDelegado, a.moneda)}</b>{' '}
                    {a.incluyeCedidosDelegados ? '(incluido en los tramos)' : '(no incluido en los tramos)'}
                  </Text>
                )}
                <Suspense fallback={<Cargando />}>
                  <GraficoAntiguedad
                    totales={a.totales}
                    moneda={a.moneda}
                    onTramo={(codigo) => {
                      const t = tramos.find((x) => x.codigo === codigo);
                      if (t) navigate(enlace(t));
                    }}
                  />
                </Suspense>
              </Card>
              <Card withBorder p={0}>
                {telefono ? (
                  // On a phone each group is a card with its non-empty buckets: the 8-column table would scroll sideways.
                  <Stack
                    component="ul"
                    gap="xs"
                    p="xs"
                    m={0}
                    style={{ listStyle: 'none' }}
                    aria-label="Antigüedad de saldos"
                  >
                    {a.grupos.length === 0 && (
                      <Text component="li" c="dimmed" ta="center" size="sm">
                        Sin saldos a la fecha de corte.
                      </Text>
                    )}
                    {a.grupos.map((g) => {
                      const clienteId = agrupar === 'cliente' ? g.clave : undefined;
                      return (
                        <Card
                          component="li"
                          key={g.clave}
                          withBorder
                          padding="sm"
                          data-testid="tarjeta-antiguedad"
                        >
                          <Group justify="space-between" wrap="nowrap" align="flex-start">
                            <Text fw={600} size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                              {clienteId ? (
                                <Anchor component={Link} to={`/clientes/${clienteId}?tab=cartera`} inherit>
                                  {nombreCliente(g.nombre)}
                                </Anchor>
                              ) : (
                                g.nombre
                              )}
                            </Text>
                            <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {formatearMonto(g.total, a.moneda)}
                            </Text>
                          </Group>
                          {tramos
                            .filter((t) => Number(monto(g.tramos, t.codigo)) !== 0)
                            .map((t) => (
                              <Group key={t.codigo} justify="space-between" wrap="nowrap" mt={4}>
                                <Text size="sm" c="dimmed">
                                  {etiquetaTramo(t)}
                                </Text>
                                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                                  {agrupar === 'segmento' ? (
                                    formatearMonto(monto(g.tramos, t.codigo), a.moneda)
                                  ) : (
                                    <Anchor component={Link} to={enlace(t, clienteId)} inherit>
                                      {formatearMonto(monto(g.tramos, t.codigo), a.moneda)}
                                    </Anchor>
                                  )}
                                </Text>
                              </Group>
                            ))}
                        </Card>
                      );
                    })}
                  </Stack>
                ) : (
                  <Table.ScrollContainer minWidth={900}>
                    <Table striped highlightOnHover aria-label="Antigüedad de saldos">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{agrupaciones.find((x) => x.value === agrupar)?.label}</Table.Th>
                          {tramos.map((t) => (
                            <Table.Th key={t.codigo} ta="right">
                              {etiquetaTramo(t)}
                            </Table.Th>
                          ))}
                          <Table.Th ta="right">Total</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {a.grupos.length === 0 && (
                          <Table.Tr>
                            <Table.Td colSpan={tramos.length + 2}>
                              <Text c="dimmed" ta="center" size="sm">
                                Sin saldos a la fecha de corte.
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        )}
                        {a.grupos.map((g) => {
                          const clienteId = agrupar === 'cliente' ? g.clave : undefined;
                          return (
                            <Table.Tr key={g.clave}>
                              <Table.Td>
                                {clienteId ? (
                                  <Anchor
                                    component={Link}
                                    to={`/clientes/${clienteId}?tab=cartera`}
                                    size="sm"
                                  >
                                    {nombreCliente(g.nombre)}
                                  </Anchor>
                                ) : (
                                  g.nombre
                                )}
                              </Table.Td>
                              {tramos.map((t) => {
                                const v = monto(g.tramos, t.codigo);
                                return (
                                  <Table.Td key={t.codigo} ta="right" style={{ whiteSpace: 'nowrap' }}>
                                    {Number(v) === 0 ? (
                                      <Text c="dimmed" size="sm" span>
                                        —
                                      </Text>
                                    ) : agrupar === 'segmento' ? (
                                      formatearMonto(v, a.moneda)
                                    ) : (
                                      <Anchor component={Link} to={enlace(t, clienteId)} size="sm">
                                        {formatearMonto(v, a.moneda)}
                                      </Anchor>
                                    )}
                                  </Table.Td>
                                );
                              })}
                              <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                                {formatearMonto(g.total, a.moneda)}
                              </Table.Td>
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                      <Table.Tfoot>
                        <Table.Tr>
                          <Table.Th>Total</Table.Th>
                          {tramos.map((t) => (
                            <Table.Th key={t.codigo} ta="right" style={{ whiteSpace: 'nowrap' }}>
                              <Anchor component={Link} to={enlace(t)} size="sm" fw={700}>
                                {formatearMonto(monto(a.totales, t.codigo), a.moneda)}
                              </Anchor>
                            </Table.Th>
                          ))}
                          <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {formatearMonto(a.total, a.moneda)}
                          </Table.Th>
                        </Table.Tr>
                        {Number(a.totalCedidoDelegado) !== 0 && (
                          <Table.Tr data-testid="fila-cedido-delegado">
                            <Table.Td>
                              <Text size="sm" c="dimmed">
                                {a.incluyeCedidosDelegados
                                  ? 'De ello, cedido a factoring (adm. delegada)'
                                  : 'Cedido a factoring (adm. delegada), aparte'}
                              </Text>
                            </Table.Td>
                            {tramos.map((t) => (
                              <Table.Td key={t.codigo} ta="right" style={{ whiteSpace: 'nowrap' }}>
                                <Text size="sm" c="dimmed" span>
                                  {formatearMonto(monto(a.totalesCedidoDelegado, t.codigo), a.moneda)}
                                </Text>
                              </Table.Td>
                            ))}
                            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                              <Text size="sm" c="dimmed" span>
                                {formatearMonto(a.totalCedidoDelegado, a.moneda)}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Table.Tfoot>
                    </Table>
                  </Table.ScrollContainer>
                )}
                {agrupar !== 'empresa' && (
                  <Group p="sm">
                    <div style={{ flex: 1 }}>
                      <Paginacion
                        total={a.totalGrupos}
                        pagina={pagina}
                        tamano={tamanoPagina}
                        onPagina={(p) => cambiar({ pagina: p })}
                      />
                    </div>
                  </Group>
                )}
              </Card>
            </>
          );
        })()
      )}
    </Pagina>
  );
}
