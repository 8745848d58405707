import { Anchor, Card, SimpleGrid, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { aNumero, formatearFecha, formatearPesos, formatearPorcentaje } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';
import { useExportarReporte } from '../api/use-exportar-reporte';
import { useMorosidad } from '../api/use-morosidad';
import { BarraFiltros } from '../components/barra-filtros';
import { Cifra } from '../components/definicion';
import { GraficoReporte } from '../components/grafico-reporte';
import { SelectorMeses } from '../components/selector-meses';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';
import { consultaFiltros, etiquetaMes } from '../lib/reportes';
import { useFiltrosReporte } from '../lib/use-filtros-reporte';

export default function MorosidadRoute() {
  const navigate = useNavigate();
  const { filtros, valor: meses, cambiar } = useFiltrosReporte('meses', 24, 1, 36);
  const reporte = useMorosidad({ ...filtros, meses });
  const exportar = useExportarReporte('/api/v1/reportes/morosidad', 'evolucion-morosidad');
  const antiguedad = (corte: string) =>
    `/cartera/antiguedad?${consultaFiltros({ ...filtros, fechaCorte: corte })}`;

  return (
    <Pagina
      titulo="Evolución de morosidad"
      descripcion="Deuda total, vencida y de más de 90 días al cierre de cada mes, e índice de morosidad"
    >
      <BarraFiltros
        filtros={filtros}
        cambiar={cambiar}
        exportando={exportar.isPending}
        onExportar={(formato) =>
          exportar.mutate(
            { formato, parametros: { ...filtros, meses } },
            { onError: (e) => notificarError(e) },
          )
        }
      >
        <SelectorMeses meses={meses} onChange={(v) => cambiar({ meses: v })} />
      </BarraFiltros>
      {reporte.isPending ? (
        <Cargando />
      ) : reporte.isError ? (
        <ErrorConsulta error={reporte.error} reintentar={() => void reporte.refetch()} />
      ) : (
        (() => {
          const serie = reporte.data.meses;
          const ultimo = serie[serie.length - 1];
          const n = (v: number | string) => aNumero(v) ?? 0;
          return (
            <>
              {ultimo && (
                <Card withBorder>
                  <SimpleGrid cols={{ base: 2, sm: 4 }}>
                    <Cifra
                      etiqueta="Deuda total"
                      valor={formatearPesos(ultimo.total)}
                      definicion="Saldo de la cartera a la fecha de corte, en pesos."
                    />
                    <Cifra
                      etiqueta="Vencido"
                      valor={formatearPesos(ultimo.vencido)}
                      definicion="Saldo de las cuotas con vencimiento anterior a la fecha de corte."
                    />
                    <Cifra
                      etiqueta="Índice de morosidad"
                      valor={formatearPorcentaje(ultimo.indiceMorosidad)}
                      definicion="Deuda vencida dividida por la deuda total, a la fecha de corte."
                      testId="morosidad-indice"
                    />
                    <Cifra
                      etiqueta="Más de 90 días"
                      valor={formatearPorcentaje(ultimo.indiceMas90)}
                      definicion="Deuda con más de 90 días de vencida dividida por la deuda total (cartera en riesgo)."
                    />
                  </SimpleGrid>
                </Card>
              )}
              <Card withBorder>
                <Title order={4} mb="sm">
                  Deuda por mes
                </Title>
                <GraficoReporte
                  etiqueta="Gráfico de evolución de morosidad"
                  categorias={serie.map((m) => etiquetaMes(m.mes))}
                  series={[
                    {
                      nombre: 'Al día',
                      tipo: 'bar',
                      pila: 'd',
                      color: '#228be6',
                      valores: serie.map((m) => n(m.total) - n(m.vencido)),
                    },
                    {
                      nombre: 'Vencido hasta 90 días',
                      tipo: 'bar',
                      pila: 'd',
                      color: '#fd7e14',
                      valores: serie.map((m) => n(m.vencido) - n(m.mas90)),
                    },
                    {
                      nombre: 'Más de 90 días',
                      tipo: 'bar',
                      pila: 'd',
                      color: '#e03131',
                      valores: serie.map((m) => n(m.mas90)),
                    },
                    {
                      nombre: 'Índice de morosidad %',
                      tipo: 'line',
                      porcentaje: true,
                      color: '#5f3dc4',
                      valores: serie.map((m) => n(m.indiceMorosidad)),
                    },
                  ]}
                  onClick={(i) => {
                    const m = serie[i];
                    if (m) navigate(antiguedad(m.corte));
                  }}
                />
              </Card>
              <Card withBorder p={0}>
                <TablaOrdenable
                  etiqueta="Morosidad por mes"
                  filas={serie}
                  clave={(m) => m.mes}
                  columnas={[
                    { titulo: 'Mes', celda: (m) => etiquetaMes(m.mes), valor: (m) => m.mes },
                    {
                      titulo: 'Corte',
                      celda: (m) => (
                        <Anchor component={Link} to={antiguedad(m.corte)}>
                          {formatearFecha(m.corte)}
                        </Anchor>
                      ),
                      valor: (m) => m.corte,
                    },
                    {
                      titulo: 'Deuda total',
                      celda: (m) => formatearPesos(m.total),
                      valor: (m) => m.total,
                      derecha: true,
                    },
                    {
                      titulo: 'Vencido',
                      celda: (m) => formatearPesos(m.vencido),
                      valor: (m) => m.vencido,
                      derecha: true,
                    },
                    {
                      titulo: 'Más de 90 días',
                      celda: (m) => formatearPesos(m.mas90),
                      valor: (m) => m.mas90,
                      derecha: true,
                    },
                    {
                      titulo: 'Morosidad',
                      celda: (m) => formatearPorcentaje(m.indiceMorosidad),
                      valor: (m) => m.indiceMorosidad,
                      derecha: true,
                    },
                    {
                      titulo: '> 90 días',
                      celda: (m) => formatearPorcentaje(m.indiceMas90),
                      valor: (m) => m.indiceMas90,
                      derecha: true,
                    },
                  ]}
                />
              </Card>
            </>
          );
        })()
      )}
    </Pagina>
  );
}
