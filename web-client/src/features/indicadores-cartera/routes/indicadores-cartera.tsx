import {
  ActionIcon,
  Button,
  Menu,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { hoySantiago } from '@/lib/fecha-negocio';
import { conCambios } from '@/lib/filtros-url';
import { notificarError } from '@/lib/notificar';
import {
  useIndicadoresCartera,
  type FiltrosIndicadores,
} from '@/features/indicadores-cartera/api/use-indicadores-cartera';
import { useTendenciaIndicadores } from '@/features/indicadores-cartera/api/use-tendencia-indicadores';
import {
  useDesgloseIndicadores,
  type Agrupacion,
} from '@/features/indicadores-cartera/api/use-desglose-indicadores';
import {
  useExportarIndicadores,
  type FormatoIndicadores,
  type VistaExportacion,
} from '@/features/indicadores-cartera/api/use-exportar-indicadores';
import {
  clavesIndicadores,
  formatearIndicador,
  ordenarFilas,
  type ClaveIndicador,
  type Orden,
} from '@/features/indicadores-cartera/lib/indicadores';

// ECharts is heavy: load it after the cards.
const GraficoTendencia = lazy(() =>
  import('@/features/indicadores-cartera/components/grafico-tendencia').then((m) => ({
    default: m.GraficoTendencia,
  })),
);

const fechaValida = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Columns of the breakdown table (the cards show all of them). */
const columnasDesglose: ClaveIndicador[] = [
  'totalPorCobrar',
  'dsoCountback',
  'dsoSimple',
  'mejorDso',
  'diasPromedioAtraso',
  'cei',
  'indiceMorosidad',
  'participacionRiesgo',
  'perdidaIncobrables',
  'recaudado',
];

function MenuExportarIndicadores({
  onExportar,
  cargando,
  etiqueta,
}: {
  onExportar: (f: FormatoIndicadores) => void;
  cargando: boolean;
  etiqueta: string;
}) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<IconDownload size={16} />} loading={cargando}>
          {etiqueta}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onExportar('xlsx')}>Exportar Excel (XLSX)</Menu.Item>
        <Menu.Item onClick={() => onExportar('csv')}>Exportar CSV (;)</Menu.Item>
        <Menu.Item onClick={() => onExportar('pdf')}>Exportar PDF</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export default function IndicadoresCarteraRoute() {
  const [params, setParams] = useSearchParams();
  const hoy = hoySantiago();
  const fechaCorte = fechaValida(params.get('fechaCorte')) ?? hoy;
  const desde = fechaValida(params.get('desde'));
  const segmento = params.get('segmento') || undefined;
  const agrupar: Agrupacion = params.get('agrupar') === 'cobrador' ? 'cobrador' : 'segmento';
  const filtros: FiltrosIndicadores = { fechaCorte, desde, segmento };
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });

  const resumen = useIndicadoresCartera(filtros);
  const tendencia = useTendenciaIndicadores({ fechaCorte, segmento, meses: 12 });
  const desglose = useDesgloseIndicadores(agrupar, filtros);
  const exportar = useExportarIndicadores();
  const [orden, setOrden] = useState<Orden>({ clave: 'totalPorCobrar', descendente: true });

  const definiciones = resumen.data?.definiciones ?? [];
  const definicion = (clave: string) => definiciones.find((d) => d.clave === clave);
  const descargar = (vista: VistaExportacion, formato: FormatoIndicadores) =>
    exportar.mutate({ ...filtros, vista, formato, meses: 12 }, { onError: (e) => notificarError(e) });

  return (
    <Pagina
      titulo="Indicadores de cartera"
      descripcion="DSO, CEI, morosidad y pérdidas del período, con la definición de cada indicador"
      acciones={
        <MenuExportarIndicadores
          etiqueta="Exportar indicadores"
          cargando={exportar.isPending}
          onExportar={(f) => descargar('resumen', f)}
        />
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CampoFecha
            label="Fecha de corte"
            value={fechaCorte}
            onChange={(v) => cambiar({ fechaCorte: v })}
          />
          <CampoFecha
            label="Desde (por defecto, el inicio del mes del corte)"
            value={desde ?? null}
            onChange={(v) => cambiar({ desde: v })}
          />
          <TextInput
            label="Segmento"
            placeholder="Todos"
            defaultValue={segmento ?? ''}
            maxLength={50}
            onBlur={(e) => cambiar({ segmento: e.currentTarget.value.trim() || null })}
          />
        </SimpleGrid>
      </Card>

      {resumen.isPending ? (
        <Cargando />
      ) : resumen.isError ? (
        <ErrorConsulta error={resumen.error} reintentar={() => void resumen.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="tarjetas-indicadores">
          {clavesIndicadores.map((clave) => {
            const d = definicion(clave);
            return (
              <Card key={clave} withBorder padding="sm" data-testid={`indicador-${clave}`}>
                <Group justify="space-between" wrap="nowrap" gap={4}>
                  <Text size="sm" c="dimmed">
                    {d?.nombre ?? clave}
                  </Text>
                  {d && (
                    <Tooltip
                      label={d.definicion}
                      multiline
                      w={280}
                      withArrow
                      events={{ hover: true, focus: true, touch: true }}
                    >
                      <ActionIcon variant="subtle" size="sm" aria-label={`Definición: ${d.definicion}`}>
                        <IconInfoCircle size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
                <Text fw={700} size="xl">
                  {formatearIndicador(resumen.data.indicadores[clave], d?.unidad ?? '')}
                </Text>
              </Card>
            );
          })}
        </SimpleGrid>
      )}

      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>Tendencia de 12 meses</Title>
          <MenuExportarIndicadores
            etiqueta="Exportar tendencia"
            cargando={exportar.isPending}
            onExportar={(f) => descargar('tendencia', f)}
          />
        </Group>
        {tendencia.isPending ? (
          <Cargando />
        ) : tendencia.isError ? (
          <ErrorConsulta error={tendencia.error} reintentar={() => void tendencia.refetch()} />
        ) : (
          <Suspense fallback={<Cargando />}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <GraficoTendencia
                titulo="DSO por el método countback y por el método simple, a cada fin de mes"
                unidad="días"
                meses={tendencia.data.puntos.map((p) => p.corte)}
                series={[
                  { nombre: 'DSO countback', valores: tendencia.data.puntos.map((p) => p.dsoCountback) },
                  { nombre: 'DSO simple', valores: tendencia.data.puntos.map((p) => p.dsoSimple) },
                  { nombre: 'Mejor DSO', valores: tendencia.data.puntos.map((p) => p.mejorDso) },
                ]}
              />
              <GraficoTendencia
                titulo="Índice de efectividad de cobranza (CEI) a cada fin de mes"
                unidad="%"
                meses={tendencia.data.puntos.map((p) => p.corte)}
                series={[{ nombre: 'CEI', valores: tendencia.data.puntos.map((p) => p.cei) }]}
              />
            </SimpleGrid>
          </Suspense>
        )}
      </Card>

      <Card withBorder p={0}>
        <Group justify="space-between" p="sm">
          <SegmentedControl
            aria-label="Desglose por"
            data={[
              { value: 'segmento', label: 'Por segmento' },
              { value: 'cobrador', label: 'Por cobrador' },
            ]}
            value={agrupar}
            onChange={(v) => cambiar({ agrupar: v })}
          />
          <MenuExportarIndicadores
            etiqueta="Exportar tabla"
            cargando={exportar.isPending}
            onExportar={(f) => descargar(agrupar === 'segmento' ? 'por-segmento' : 'por-cobrador', f)}
          />
        </Group>
        {desglose.isPending ? (
          <Cargando />
        ) : desglose.isError ? (
          <ErrorConsulta error={desglose.error} reintentar={() => void desglose.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover aria-label={`Indicadores por ${agrupar}`}>
              <Table.Thead>
                <Table.Tr>
                  {(['nombre', ...columnasDesglose] as const).map((c) => {
                    const activo = orden.clave === c;
                    return (
                      <Table.Th
                        key={c}
                        aria-sort={activo ? (orden.descendente ? 'descending' : 'ascending') : 'none'}
                        style={{ textAlign: c === 'nombre' ? 'left' : 'right' }}
                      >
                        <UnstyledButton
                          fw={600}
                          fz="sm"
                          onClick={() =>
                            setOrden({ clave: c, descendente: activo ? !orden.descendente : c !== 'nombre' })
                          }
                        >
                          {c === 'nombre'
                            ? agrupar === 'segmento'
                              ? 'Segmento'
                              : 'Cobrador'
                            : (definicion(c)?.nombre ?? c)}
                          {activo ? (orden.descendente ? ' ↓' : ' ↑') : ''}
                        </UnstyledButton>
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {desglose.data.filas.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={columnasDesglose.length + 1}>
                      <Text c="dimmed" ta="center" size="sm">
                        Sin {agrupar === 'segmento' ? 'segmentos' : 'cobradores con clientes'} en el período.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {ordenarFilas(desglose.data.filas, orden).map((f) => (
                  <Table.Tr key={f.clave}>
                    <Table.Td>{f.nombre}</Table.Td>
                    {columnasDesglose.map((c) => (
                      <Table.Td key={c} style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {formatearIndicador(f.indicadores[c], definicion(c)?.unidad ?? '')}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Pagina>
  );
}
