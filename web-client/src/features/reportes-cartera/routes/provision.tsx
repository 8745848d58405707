import { Anchor, Card, SimpleGrid, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { etiquetaTramo } from '@/lib/cartera';
import { aNumero, formatearFecha, formatearPesos, formatearPorcentaje } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';
import { useEvolucionProvision } from '../api/use-evolucion-provision';
import { useExportarReporte } from '../api/use-exportar-reporte';
import { BarraFiltros } from '../components/barra-filtros';
import { Cifra } from '../components/definicion';
import { GraficoReporte } from '../components/grafico-reporte';
import { SelectorMeses } from '../components/selector-meses';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';
import { consultaFiltros, etiquetaMes } from '../lib/reportes';
import { useFiltrosReporte } from '../lib/use-filtros-reporte';

const colores = ['#228be6', '#fab005', '#fd7e14', '#f76707', '#e03131', '#a61e4d', '#862e9c'];

export default function EvolucionProvisionRoute() {
  const navigate = useNavigate();
  const { filtros, valor: meses, cambiar } = useFiltrosReporte('meses', 24, 1, 36);
  const reporte = useEvolucionProvision({ ...filtros, meses });
  const exportar = useExportarReporte('/api/v1/reportes/provision/evolucion', 'evolucion-provision');
  const antiguedad = (corte: string) =>
    `/cartera/antiguedad?${consultaFiltros({ ...filtros, fechaCorte: corte })}`;

  return (
    <Pagina
      titulo="Evolución de la provisión"
      descripcion="Provisión de incobrables al cierre de cada mes, con los porcentajes por tramo vigentes"
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
          const ultimo = r.meses[r.meses.length - 1];
          return (
            <>
              {ultimo && (
                <Card withBorder>
                  <SimpleGrid cols={{ base: 2, sm: 3 }}>
                    <Cifra
                      etiqueta="Saldo"
                      valor={formatearPesos(ultimo.saldo)}
                      definicion="Saldo de la cartera a la fecha de corte."
                    />
                    <Cifra
                      etiqueta="Provisión"
                      valor={formatearPesos(ultimo.provision)}
                      definicion="Saldo de cada tramo de antigüedad por su porcentaje de provisión, redondeado al peso por tramo."
                      testId="provision-total"
                    />
                    <Cifra
                      etiqueta="Cobertura"
                      valor={formatearPorcentaje(ultimo.cobertura)}
                      definicion="Provisión dividida por el saldo de la cartera."
                    />
                  </SimpleGrid>
                </Card>
              )}
              <Card withBorder>
                <Title order={4} mb="sm">
                  Provisión por tramo
                </Title>
                <GraficoReporte
                  etiqueta="Gráfico de evolución de la provisión"
                  categorias={r.meses.map((m) => etiquetaMes(m.mes))}
                  series={[
                    ...r.definicionTramos.map((t, i) => ({
                      nombre: etiquetaTramo(t),
                      tipo: 'bar' as const,
                      pila: 'p',
                      color: colores[Math.min(i, colores.length - 1)],
                      valores: r.meses.map((m) => aNumero(m.tramos[i]?.provision) ?? 0),
                    })),
                    {
                      nombre: 'Cobertura %',
                      tipo: 'line' as const,
                      porcentaje: true,
                      color: '#5f3dc4',
                      valores: r.meses.map((m) => aNumero(m.cobertura) ?? 0),
                    },
                  ]}
                  onClick={(i) => {
                    const m = r.meses[i];
                    if (m) navigate(antiguedad(m.corte));
                  }}
                />
              </Card>
              <Card withBorder p={0}>
                <TablaOrdenable
                  etiqueta="Provisión por mes"
                  filas={r.meses}
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
                      titulo: 'Saldo',
                      celda: (m) => formatearPesos(m.saldo),
                      valor: (m) => m.saldo,
                      derecha: true,
                    },
                    {
                      titulo: 'Provisión',
                      celda: (m) => formatearPesos(m.provision),
                      valor: (m) => m.provision,
                      derecha: true,
                    },
                    {
                      titulo: 'Cobertura',
                      celda: (m) => formatearPorcentaje(m.cobertura),
                      valor: (m) => m.cobertura,
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
