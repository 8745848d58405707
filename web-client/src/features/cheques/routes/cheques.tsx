import { Anchor, Badge, Card, Group, Select, SimpleGrid, Table, Tabs, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto, hoyEnChile } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { useCheques, type FiltrosCheques } from '@/features/cheques/api/use-cheques';
import { AccionesCheque } from '@/features/cheques/components/acciones-cheque';
import { conCambios } from '@/lib/filtros-url';
import { SelectorCliente } from '@/components/clientes/selector-cliente';

const estados = [
  { value: 'en_cartera', label: 'En cartera', color: 'blue' },
  { value: 'depositado', label: 'Depositado', color: 'yellow' },
  { value: 'cobrado', label: 'Cobrado', color: 'teal' },
  { value: 'protestado', label: 'Protestado', color: 'red' },
];

/** The board's sections, each one a query of GET /cheques (estado + venceHasta). */
const secciones = [
  {
    value: 'por_depositar',
    label: 'Por depositar hoy',
    filtros: (hoy: string) => ({ estado: 'en_cartera', venceHasta: hoy }),
  },
  { value: 'en_cartera', label: 'En cartera (a fecha)', filtros: () => ({ estado: 'en_cartera' }) },
  { value: 'depositados', label: 'Depositados', filtros: () => ({ estado: 'depositado' }) },
  { value: 'protestados', label: 'Protestados', filtros: () => ({ estado: 'protestado' }) },
  { value: 'todos', label: 'Todos', filtros: () => ({}) },
] as const;

type Seccion = (typeof secciones)[number]['value'];

function Contador({ filtros }: { filtros: FiltrosCheques }) {
  const q = useCheques({ ...filtros, pagina: 1, tamanoPagina: 1 });
  const n = aNumero(q.data?.total);
  return n === null ? null : (
    <Badge size="sm" variant="light" color={n > 0 ? 'blue' : 'gray'} ml={4}>
      {n}
    </Badge>
  );
}

export default function ChequesRoute() {
  const { tiene } = useAuth();
  const [params, setParams] = useSearchParams();
  const hoy = hoyEnChile();
  const texto = (k: string) => params.get(k)?.trim() || undefined;
  const seccion: Seccion = secciones.find((s) => s.value === params.get('vista'))?.value ?? 'por_depositar';
  const pagina = Math.max(1, Number(params.get('pagina')) || 1);
  const tamanoPagina = 25;
  const clienteId = texto('clienteId');
  const base = secciones.find((s) => s.value === seccion)!.filtros(hoy);
  const filtros: FiltrosCheques = {
    clienteId,
    ...(seccion === 'todos' ? { estado: texto('estado'), venceHasta: texto('venceHasta') } : base),
    pagina,
    tamanoPagina,
  };
  const cheques = useCheques(filtros);
  const editar = tiene('editar');
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });

  return (
    <Pagina titulo="Cheques" descripcion="Cheques a fecha: depositar, marcar cobrados y protestos">
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <SelectorCliente value={clienteId ?? null} onChange={(v) => cambiar({ clienteId: v })} />
          {seccion === 'todos' && (
            <>
              <Select
                label="Estado"
                clearable
                placeholder="Todos"
                data={estados}
                value={texto('estado') ?? null}
                onChange={(v) => cambiar({ estado: v })}
              />
              <DateInput
                label="Fecha del cheque hasta"
                valueFormat="DD-MM-YYYY"
                placeholder="dd-mm-aaaa"
                clearable
                value={texto('venceHasta') ?? null}
                onChange={(v) => cambiar({ venceHasta: v })}
              />
            </>
          )}
        </SimpleGrid>
      </Card>
      <Tabs
        value={seccion}
        onChange={(v) => cambiar({ vista: v === 'por_depositar' ? null : v, estado: null, venceHasta: null })}
      >
        <Tabs.List>
          {secciones.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
              {s.value !== 'todos' && <Contador filtros={{ clienteId, ...s.filtros(hoy) }} />}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {cheques.isPending ? (
        <Cargando />
      ) : cheques.isError ? (
        <ErrorConsulta error={cheques.error} reintentar={() => void cheques.refetch()} />
      ) : (
        <Card withBorder p={0}>
          {cheques.data.items.length === 0 ? (
            <Text c="dimmed" p="lg" ta="center">
              {seccion === 'por_depositar'
                ? 'No hay cheques para depositar hoy.'
                : 'No hay cheques que coincidan con los filtros.'}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover aria-label="Cheques">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Recibido</Table.Th>
                    <Table.Th>Fecha del cheque</Table.Th>
                    <Table.Th>Cliente</Table.Th>
                    <Table.Th>Referencia</Table.Th>
                    <Table.Th ta="right">Monto</Table.Th>
                    <Table.Th>Estado</Table.Th>
                    <Table.Th>Detalle</Table.Th>
                    {editar && <Table.Th>Acciones</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cheques.data.items.map((c) => {
                    const e = estados.find((x) => x.value === c.estado);
                    return (
                      <Table.Tr key={c.pagoId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/cartera/pagos/${c.pagoId}`}>
                            {formatearFecha(c.fecha)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{formatearFecha(c.fechaCheque)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/clientes/${c.cliente.id}?tab=cartera`} size="sm">
                            {c.cliente.razonSocial}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {formatearRut(c.cliente.rut)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{c.referencia}</Table.Td>
                        <Table.Td ta="right">{formatearMonto(c.monto, c.moneda)}</Table.Td>
                        <Table.Td>
                          <Badge color={e?.color ?? 'gray'} variant="light">
                            {e?.label ?? c.estado}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {c.fechaDeposito && `Depositado ${formatearFecha(c.fechaDeposito)}`}
                            {c.cuentaDeposito && ` en ${c.cuentaDeposito}`}
                            {c.fechaCobro && ` · Cobrado ${formatearFecha(c.fechaCobro)}`}
                            {c.fechaProtesto &&
                              ` · Protestado ${formatearFecha(c.fechaProtesto)}: ${c.motivoProtesto ?? ''}${
                                c.costoProtesto !== null
                                  ? ` (costo ${formatearMonto(c.costoProtesto, c.moneda)})`
                                  : ''
                              }`}
                          </Text>
                        </Table.Td>
                        {editar && (
                          <Table.Td>
                            <AccionesCheque cheque={c} />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group p="sm">
            <div style={{ flex: 1 }}>
              <Paginacion
                total={cheques.data.total}
                pagina={pagina}
                tamano={tamanoPagina}
                onPagina={(p) => cambiar({ pagina: p })}
              />
            </div>
          </Group>
        </Card>
      )}
    </Pagina>
  );
}
