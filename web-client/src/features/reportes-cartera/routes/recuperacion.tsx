import { Card, SimpleGrid, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { etiquetaTramo } from '@/lib/cartera';
import { aNumero, formatearPesos } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';
import { useExportarReporte } from '../api/use-exportar-reporte';
import { useRecuperacion } from '../api/use-recuperacion';
import { BarraFiltros } from '../components/barra-filtros';
import { Cifra } from '../components/definicion';
import { GraficoReporte } from '../components/grafico-reporte';
import { SelectorMeses } from '../components/selector-meses';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';
import { consultaFiltros, etiquetaMes, finDeMes } from '../lib/reportes';
import { useFiltrosReporte } from '../lib/use-filtros-reporte';

const colores = ['#228be6', '#fab005', '#fd7e14', '#f76707', '#e03131', '#a61e4d', '#862e9c'];

export default function RecuperacionRoute() {
  const navigate = useNavigate();
  const { filtros, valor: meses, cambiar } = useFiltrosReporte('meses', 24, 1, 36);
  const reporte = useRecuperacion({ ...filtros, meses });
  const exportar = useExportarReporte('/api/v1/reportes/recuperacion', 'recuperacion-historica');

  return (
    <Pagina
      titulo="Recuperación histórica"
      descripcion="Lo recaudado cada mes según el tramo de antigüedad en que estaba la deuda al pagarse"
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
          const r = reporte.data;
          const tramos = r.definicionTramos;
          return (
            <>
              <Card withBorder>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Cifra
                    etiqueta="Total recaudado"
                    valor={formatearPesos(r.total)}
                    definicion="Pagos aplicados a documentos en el período (sin los reversados a la fecha de corte), en pesos a la fecha de cada pago."
                    testId="recuperacion-total"
                  />
                  <Cifra
                    etiqueta="Recaudado con más de 90 días"
                    valor={formatearPesos(
                      r.totales
                        .filter((_, i) => (tramos[i]?.desde ?? 0) > 90)
                        .reduce((s, t) => s + (aNumero(t.monto) ?? 0), 0),
                    )}
                    definicion="Lo recaudado de cuotas que, el día del pago, llevaban más de 90 días vencidas."
                  />
                  <Cifra
                    etiqueta="Recupero de castigos"
                    valor={formatearPesos(r.recuperoCastigos)}
                    definicion="Pagos aplicados a documentos que ya estaban castigados."
                  />
                </SimpleGrid>
              </Card>
              <Card withBorder>
                <Title order={4} mb="sm">
                  Recaudación por tramo al pagar
                </Title>
                <GraficoReporte
                  etiqueta="Gráfico de recuperación histórica"
                  categorias={r.meses.map((m) => etiquetaMes(m.mes))}
                  series={tramos.map((t, i) => ({
                    nombre: etiquetaTramo(t),
                    tipo: 'bar' as const,
                    pila: 'r',
                    color: colores[Math.min(i, colores.length - 1)],
                    valores: r.meses.map((m) => aNumero(m.tramos[i]?.monto) ?? 0),
                  }))}
                  onClick={(i) => {
                    const m = r.meses[i];
                    if (m)
                      navigate(
                        `/cartera/antiguedad?${consultaFiltros({ ...filtros, fechaCorte: finDeMes(m.mes) })}`,
                      );
                  }}
                />
              </Card>
              <Card withBorder p={0}>
                <TablaOrdenable
                  etiqueta="Recaudación por mes"
                  anchoMinimo={900}
                  filas={r.meses}
                  clave={(m) => m.mes}
                  columnas={[
                    { titulo: 'Mes', celda: (m) => etiquetaMes(m.mes), valor: (m) => m.mes },
                    ...tramos.map((t, i) => ({
                      titulo: etiquetaTramo(t),
                      celda: (m: (typeof r.meses)[number]) => formatearPesos(m.tramos[i]?.monto),
                      valor: (m: (typeof r.meses)[number]) => m.tramos[i]?.monto,
                      derecha: true,
                    })),
                    {
                      titulo: 'Total',
                      celda: (m) => formatearPesos(m.total),
                      valor: (m) => m.total,
                      derecha: true,
                    },
                    {
                      titulo: 'Recupero castigos',
                      celda: (m) => formatearPesos(m.recuperoCastigos),
                      valor: (m) => m.recuperoCastigos,
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
