import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { consulta, descargar } from '@/api/client';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { conCambios } from '@/lib/filtros-url';
import { formatearFecha } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { useBacktest } from '@/features/reportes-pronostico/api/use-backtest';
import { usePrediccion, type PaginaPrediccion } from '@/features/reportes-pronostico/api/use-prediccion';
import { usePronostico } from '@/features/reportes-pronostico/api/use-pronostico';
import {
  etiquetaBase,
  ordenarFilas,
  resumenBacktest,
  type Orden,
} from '@/features/reportes-pronostico/lib/pronostico';

// ECharts is heavy: load it after the figures.
const GraficoPronostico = lazy(() =>
  import('@/features/reportes-pronostico/components/grafico-pronostico').then((m) => ({
    default: m.GraficoPronostico,
  })),
);
const GraficoBacktest = lazy(() =>
  import('@/features/reportes-pronostico/components/grafico-backtest').then((m) => ({
    default: m.GraficoBacktest,
  })),
);

type Fila = PaginaPrediccion['items'][number];
type CampoOrden = 'fechaPrevista' | 'fechaVencimiento' | 'saldo' | 'diasAtrasoPrevisto' | 'razonSocial';

const bases = [
  { value: '', label: 'Todas' },
  { value: 'historial del cliente', label: 'Historial del cliente' },
  { value: 'segmento', label: 'Segmento' },
  { value: 'empresa', label: 'Empresa' },
  { value: 'compromiso', label: 'Compromiso' },
];

function Definicion({ texto }: { texto: string }) {
  return (
    <Tooltip label={texto} multiline w={320} withArrow>
      <IconInfoCircle size={16} aria-label={texto} style={{ verticalAlign: 'middle' }} />
    </Tooltip>
  );
}

function Exportar({
  ruta,
  nombre,
  filtros,
}: {
  ruta: string;
  nombre: string;
  filtros: Record<string, string | undefined>;
}) {
  const [cargando, setCargando] = useState(false);
  const bajar = async (formato: 'xlsx' | 'csv' | 'pdf') => {
    setCargando(true);
    try {
      await descargar(`/api/v1/reportes/${ruta}${consulta({ ...filtros, formato })}`, `${nombre}.${formato}`);
    } catch (e) {
      notificarError(e, 'No se pudo exportar');
    } finally {
      setCargando(false);
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} loading={cargando}>
          Exportar
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void bajar('xlsx')}>Excel (XLSX)</Menu.Item>
        <Menu.Item onClick={() => void bajar('csv')}>CSV (;)</Menu.Item>
        <Menu.Item onClick={() => void bajar('pdf')}>PDF</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export default function PronosticoRoute() {
  const [params, setParams] = useSearchParams();
  const segmento = params.get('segmento') ?? undefined;
  const base = params.get('base') ?? undefined;
  const pagina = Math.max(1, Number(params.get('pagina')) || 1);
  const tamanoPagina = 25;
  const filtros = { segmento };
  const pronostico = usePronostico(filtros);
  const backtest = useBacktest(filtros);
  const prediccion = usePrediccion({ ...filtros, base, pagina, tamanoPagina });
  const [orden, setOrden] = useState<Orden<CampoOrden>>({ campo: 'fechaPrevista', descendente: false });
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });

  const encabezado = (campo: CampoOrden, titulo: string) => (
    <Table.Th
      aria-sort={orden.campo === campo ? (orden.descendente ? 'descending' : 'ascending') : 'none'}
      style={{ cursor: 'pointer', whiteSpace: 'nowrap' }}
      onClick={() => setOrden((o) => ({ campo, descendente: o.campo === campo ? !o.descendente : false }))}
    >
      {titulo} {orden.campo === campo ? (orden.descendente ? '▼' : '▲') : ''}
    </Table.Th>
  );

  const filas: Fila[] = prediccion.data ? ordenarFilas(prediccion.data.items, orden) : [];

  return (
    <Pagina
      titulo="Pronóstico de recaudación"
      descripcion="Lo que se espera recaudar en las próximas 13 semanas, la fecha prevista de pago de cada documento y qué tan bien lo habría hecho el modelo en los últimos 6 meses"
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Segmento"
            placeholder="Todos"
            defaultValue={segmento ?? ''}
            onBlur={(e) => cambiar({ segmento: e.currentTarget.value.trim() || null, pagina: null })}
          />
        </SimpleGrid>
      </Card>

      {pronostico.isPending ? (
        <Cargando />
      ) : pronostico.isError ? (
        <ErrorConsulta error={pronostico.error} reintentar={() => void pronostico.refetch()} />
      ) : (
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Recaudación esperada por semana <Definicion texto={pronostico.data.metodo} />
            </Title>
            <Exportar ruta="pronostico/exportar" nombre="pronostico" filtros={filtros} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
            <div>
              <Text size="sm" c="dimmed">
                Esperado en 13 semanas
              </Text>
              <Text fw={700} size="xl" data-testid="pronostico-total">
                {formatearMonto(pronostico.data.total, 'CLP')}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                De compromisos de pago{' '}
                <Definicion texto="Parte del total que viene de compromisos pendientes, en su fecha." />
              </Text>
              <Text fw={700} size="xl">
                {formatearMonto(pronostico.data.totalCompromisos, 'CLP')}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                Saldo abierto hoy
              </Text>
              <Text fw={700} size="xl">
                {formatearMonto(pronostico.data.saldoAbierto, 'CLP')}
              </Text>
            </div>
          </SimpleGrid>
          <Suspense fallback={<Cargando />}>
            <GraficoPronostico semanas={pronostico.data.semanas} />
          </Suspense>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Pronóstico por semana">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Semana</Table.Th>
                  <Table.Th>Desde</Table.Th>
                  <Table.Th ta="right">Esperado</Table.Th>
                  <Table.Th ta="right">Bajo</Table.Th>
                  <Table.Th ta="right">Alto</Table.Th>
                  <Table.Th ta="right">De compromisos</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pronostico.data.semanas.map((s) => (
                  <Table.Tr key={s.inicio}>
                    <Table.Td>{s.semana}</Table.Td>
                    <Table.Td>{formatearFecha(s.inicio)}</Table.Td>
                    <Table.Td ta="right">{formatearMonto(s.esperado, 'CLP')}</Table.Td>
                    <Table.Td ta="right">{formatearMonto(s.bajo, 'CLP')}</Table.Td>
                    <Table.Td ta="right">{formatearMonto(s.alto, 'CLP')}</Table.Td>
                    <Table.Td ta="right">{formatearMonto(s.deCompromisos, 'CLP')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            ¿Qué tan bien pronostica? Backtest de 6 meses
          </Title>
          <Exportar ruta="pronostico/backtest/exportar" nombre="pronostico-backtest" filtros={filtros} />
        </Group>
        {backtest.isPending ? (
          <Cargando />
        ) : backtest.isError ? (
          <ErrorConsulta error={backtest.error} reintentar={() => void backtest.refetch()} />
        ) : (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <div>
                <Text size="sm" c="dimmed">
                  Error medio semanal del modelo (MAE)
                </Text>
                <Text fw={700} size="xl" data-testid="backtest-modelo">
                  {formatearMonto(backtest.data.maeModelo, 'CLP')}
                </Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  Error medio si cada documento se pagara al vencer
                </Text>
                <Text fw={700} size="xl" data-testid="backtest-ingenuo">
                  {formatearMonto(backtest.data.maeIngenuo, 'CLP')}
                </Text>
              </div>
              <div>
                <Text size="sm" c="dimmed">
                  Recaudación semanal media
                </Text>
                <Text fw={700} size="xl">
                  {formatearMonto(backtest.data.realMedio, 'CLP')}
                </Text>
              </div>
            </SimpleGrid>
            <Alert
              color="blue"
              icon={<IconInfoCircle />}
              title={resumenBacktest(backtest.data.maeModelo, backtest.data.maeIngenuo)}
            >
              {backtest.data.metodo} Se compararon {backtest.data.pares} semanas de {backtest.data.origenes}{' '}
              orígenes, desde el {formatearFecha(backtest.data.desde)}.
            </Alert>
            <Suspense fallback={<Cargando />}>
              <GraficoBacktest horizontes={backtest.data.porHorizonte} />
            </Suspense>
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Group justify="space-between" mb="sm" align="flex-end">
          <Title order={2} size="h4">
            Fecha prevista de pago por documento
          </Title>
          <Group align="flex-end">
            <Select
              label="Base"
              data={bases}
              value={base ?? ''}
              onChange={(v) => cambiar({ base: v || null, pagina: null })}
              allowDeselect={false}
              w={220}
            />
            <Exportar ruta="prediccion/exportar" nombre="prediccion-pagos" filtros={{ ...filtros, base }} />
          </Group>
        </Group>
        {prediccion.isPending ? (
          <Cargando />
        ) : prediccion.isError ? (
          <ErrorConsulta error={prediccion.error} reintentar={() => void prediccion.refetch()} />
        ) : (
          <Stack>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover aria-label="Predicción por documento">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Documento</Table.Th>
                    {encabezado('razonSocial', 'Cliente')}
                    {encabezado('fechaVencimiento', 'Vencimiento')}
                    {encabezado('saldo', 'Saldo')}
                    {encabezado('fechaPrevista', 'Fecha prevista')}
                    <Table.Th>Rango (10 %–90 %)</Table.Th>
                    {encabezado('diasAtrasoPrevisto', 'Atraso previsto')}
                    <Table.Th>Base</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {filas.map((f) => (
                    <Table.Tr key={`${f.documentoId}-${f.cuota}`}>
                      <Table.Td>
                        <Link to={`/cartera/documentos/${f.documentoId}`}>
                          {nombreTipoDocumento(f.tipo)} {f.folio}
                          {f.cuota > 1 ? ` (cuota ${f.cuota})` : ''}
                        </Link>
                      </Table.Td>
                      <Table.Td>
                        <Link to={`/clientes/${f.clienteId}`}>{f.razonSocial}</Link>
                        <Text size="xs" c="dimmed">
                          {formatearRut(f.rut)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatearFecha(f.fechaVencimiento)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatearMonto(f.saldo, 'CLP')}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearFecha(f.fechaPrevista)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatearFecha(f.fechaTemprana)} – {formatearFecha(f.fechaTardia)}
                      </Table.Td>
                      <Table.Td ta="right">{f.diasAtrasoPrevisto} días</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={f.base === 'compromiso' ? 'green' : 'blue'}>
                          {etiquetaBase(f.base)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Paginacion
              total={prediccion.data.total}
              pagina={pagina}
              tamano={tamanoPagina}
              onPagina={(p) => cambiar({ pagina: String(p) })}
            />
          </Stack>
        )}
      </Card>
    </Pagina>
  );
}
