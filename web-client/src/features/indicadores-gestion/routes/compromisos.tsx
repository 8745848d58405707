import { Card, Group, SegmentedControl, SimpleGrid, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearPesos, formatearPorcentaje } from '@/lib/formato';
import {
  useCumplimientoCompromisos,
  type CumplimientoCompromisos,
} from '@/features/indicadores-gestion/api/use-cumplimiento-compromisos';
import { Cifra, Definicion } from '@/features/indicadores-gestion/components/definicion';
import { FiltrosIndicador } from '@/features/indicadores-gestion/components/filtros-indicador';
import { useFiltrosIndicador } from '@/features/indicadores-gestion/components/use-filtros-indicador';
import { MenuExportarIndicador } from '@/features/indicadores-gestion/components/menu-exportar-indicador';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';

const GraficoCompromisos = lazy(() =>
  import('@/features/indicadores-gestion/components/grafico-compromisos').then((m) => ({
    default: m.GraficoCompromisos,
  })),
);

const agrupaciones = [
  { value: 'cobrador', label: 'Cobrador' },
  { value: 'segmento', label: 'Segmento' },
  { value: 'mes', label: 'Mes' },
];

type Fila = CumplimientoCompromisos['filas'][number];

export default function CompromisosRoute() {
  const [filtros, cambiar] = useFiltrosIndicador(12);
  const [params] = useSearchParams();
  const agrupar = agrupaciones.find((a) => a.value === params.get('agrupar'))?.value ?? 'cobrador';
  const tabla = useCumplimientoCompromisos({ ...filtros, agrupar });
  const porMes = useCumplimientoCompromisos({ ...filtros, agrupar: 'mes' });

  return (
    <Pagina
      titulo="Compromisos hechos vs cumplidos"
      descripcion="Compromisos de pago que vencen en el período, por cantidad y monto (CLP)"
      acciones={<MenuExportarIndicador indicador="compromisos" filtros={{ ...filtros, agrupar }} />}
    >
      <FiltrosIndicador filtros={filtros} cambiar={cambiar} />
      {tabla.isPending ? (
        <Cargando />
      ) : tabla.isError ? (
        <ErrorConsulta error={tabla.error} reintentar={() => void tabla.refetch()} />
      ) : (
        <>
          <Card withBorder>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Cifra
                etiqueta="Compromisos"
                valor={tabla.data.total.hechos}
                definicion={tabla.data.definicion}
              />
              <Cifra
                etiqueta="Cumplidos (cantidad)"
                valor={formatearPorcentaje(tabla.data.total.tasaCantidad) || '—'}
                definicion="Cumplidos / (cumplidos + rotos): los pendientes aún no se deciden."
                testId="tasa-cantidad"
              />
              <Cifra
                etiqueta="Cumplidos (monto)"
                valor={formatearPorcentaje(tabla.data.total.tasaMonto) || '—'}
                definicion="Lo pagado / el monto prometido, de los compromisos cumplidos y rotos."
                testId="tasa-monto"
              />
              <Cifra
                etiqueta="Monto prometido"
                valor={formatearPesos(tabla.data.total.montoHechos)}
                definicion={`Suma de los compromisos del período; días de gracia: ${tabla.data.diasGracia}.`}
              />
            </SimpleGrid>
          </Card>
          <Card withBorder>
            <Title order={4} mb="sm">
              Por mes de vencimiento
            </Title>
            {porMes.data && (
              <Suspense fallback={<Cargando />}>
                <GraficoCompromisos filas={porMes.data.filas} />
              </Suspense>
            )}
          </Card>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Group gap={4}>
                <Title order={4}>Detalle</Title>
                <Definicion etiqueta="compromisos" texto={tabla.data.definicion} />
              </Group>
              <SegmentedControl
                aria-label="Agrupar por"
                data={agrupaciones}
                value={agrupar}
                onChange={(v) => cambiar({ agrupar: v })}
              />
            </Group>
            <TablaOrdenable<Fila>
              etiqueta="Compromisos por grupo"
              filas={[...tabla.data.filas]}
              clave={(f) => f.clave}
              columnas={[
                { titulo: 'Grupo', celda: (f) => f.nombre, valor: (f) => f.nombre },
                { titulo: 'Hechos', celda: (f) => f.hechos, valor: (f) => f.hechos, derecha: true },
                {
                  titulo: 'Monto',
                  celda: (f) => formatearPesos(f.montoHechos),
                  valor: (f) => f.montoHechos,
                  derecha: true,
                },
                { titulo: 'Cumplidos', celda: (f) => f.cumplidos, valor: (f) => f.cumplidos, derecha: true },
                { titulo: 'Rotos', celda: (f) => f.rotos, valor: (f) => f.rotos, derecha: true },
                {
                  titulo: 'Pendientes',
                  celda: (f) => f.pendientes,
                  valor: (f) => f.pendientes,
                  derecha: true,
                },
                {
                  titulo: 'Pagado',
                  celda: (f) => formatearPesos(f.montoPagado),
                  valor: (f) => f.montoPagado,
                  derecha: true,
                },
                {
                  titulo: '% cantidad',
                  celda: (f) => formatearPorcentaje(f.tasaCantidad),
                  valor: (f) => f.tasaCantidad,
                  derecha: true,
                },
                {
                  titulo: '% monto',
                  celda: (f) => formatearPorcentaje(f.tasaMonto),
                  valor: (f) => f.tasaMonto,
                  derecha: true,
                },
              ]}
            />
            {tabla.data.filas.length === 0 && (
              <Text c="dimmed">Sin compromisos que venzan en el período.</Text>
            )}
          </Card>
        </>
      )}
    </Pagina>
  );
}
