import { Anchor, Badge, Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearPesos, formatearPorcentaje, aNumero, formatearNumero } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { notificarError } from '@/lib/notificar';
import { useConcentracion } from '../api/use-concentracion';
import { useExportarReporte } from '../api/use-exportar-reporte';
import { BarraFiltros } from '../components/barra-filtros';
import { Cifra } from '../components/definicion';
import { GraficoReporte } from '../components/grafico-reporte';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';
import { consultaFiltros } from '../lib/reportes';
import { useFiltrosReporte } from '../lib/use-filtros-reporte';

const cantidades = ['10', '20', '50', '100'];

export default function ConcentracionRoute() {
  const navigate = useNavigate();
  const { filtros, valor: cantidad, cambiar } = useFiltrosReporte('cantidad', 20, 1, 200);
  const reporte = useConcentracion({ ...filtros, cantidad });
  const exportar = useExportarReporte('/api/v1/reportes/concentracion', 'concentracion-deuda');
  const cliente = (id: string) => `/clientes/${id}`;
  const antiguedad = `/cartera/antiguedad?${consultaFiltros(filtros, { agrupar: 'cliente' })}`;

  return (
    <Pagina
      titulo="Concentración de deuda"
      descripcion="Los mayores deudores a la fecha de corte, su participación y el índice de Herfindahl"
    >
      <BarraFiltros
        filtros={filtros}
        cambiar={cambiar}
        exportando={exportar.isPending}
        onExportar={(formato) =>
          exportar.mutate(
            { formato, parametros: { ...filtros, cantidad } },
            { onError: (e) => notificarError(e) },
          )
        }
      >
        <Select
          label="Mayores deudores"
          data={cantidades.includes(String(cantidad)) ? cantidades : [...cantidades, String(cantidad)]}
          value={String(cantidad)}
          onChange={(v) => cambiar({ cantidad: v })}
          allowDeselect={false}
        />
      </BarraFiltros>
      {reporte.isPending ? (
        <Cargando />
      ) : reporte.isError ? (
        <ErrorConsulta error={reporte.error} reintentar={() => void reporte.refetch()} />
      ) : (
        (() => {
          const r = reporte.data;
          return (
            <>
              <Card withBorder>
                <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
                  <Cifra
                    etiqueta="Deuda total"
                    valor={formatearPesos(r.total)}
                    definicion="Saldo de todos los clientes (con los filtros) a la fecha de corte, en pesos."
                    testId="concentracion-total"
                  />
                  <Cifra
                    etiqueta="Clientes con deuda"
                    valor={formatearNumero(r.clientes)}
                    definicion="Clientes con saldo a la fecha de corte."
                  />
                  <Cifra
                    etiqueta="10 mayores"
                    valor={formatearPorcentaje(r.participacionTop10)}
                    definicion="Parte de la deuda total que deben los 10 mayores deudores."
                  />
                  <Cifra
                    etiqueta="20 mayores"
                    valor={formatearPorcentaje(r.participacionTop20)}
                    definicion="Parte de la deuda total que deben los 20 mayores deudores."
                  />
                  <Cifra
                    etiqueta="Índice de Herfindahl"
                    valor={formatearNumero(r.indiceHerfindahlPuntos)}
                    definicion="Suma de los cuadrados de la participación de cada cliente, en puntos (0 a 10.000): sobre 2.500 la cartera está muy concentrada."
                    testId="concentracion-herfindahl"
                  />
                  <Cifra
                    etiqueta="Concentración máxima"
                    valor={formatearPorcentaje(r.concentracionMaxima)}
                    definicion="Participación que un cliente no debería superar (Configuración de cartera)."
                  />
                </SimpleGrid>
              </Card>
              <Card withBorder>
                <Title order={4} mb="sm">
                  Participación de los mayores deudores
                </Title>
                <GraficoReporte
                  etiqueta="Gráfico de participación de los mayores deudores"
                  categorias={r.principales.map((p) => p.razonSocial || formatearRut(p.rut))}
                  series={[
                    {
                      nombre: 'Participación %',
                      tipo: 'bar',
                      porcentaje: true,
                      valores: r.principales.map((p) => aNumero(p.participacion) ?? 0),
                    },
                    {
                      nombre: 'Acumulada %',
                      tipo: 'line',
                      porcentaje: true,
                      valores: r.principales.map((p) => aNumero(p.participacionAcumulada) ?? 0),
                    },
                    {
                      nombre: 'Concentración máxima %',
                      tipo: 'line',
                      porcentaje: true,
                      color: '#e03131',
                      valores: r.principales.map(() => aNumero(r.concentracionMaxima) ?? 0),
                    },
                  ]}
                  onClick={(i) => {
                    const p = r.principales[i];
                    if (p) navigate(cliente(p.clienteId));
                  }}
                />
              </Card>
              {r.sobreMaximo.length > 0 && (
                <Card withBorder>
                  <Stack gap={4}>
                    <Text fw={600}>
                      Clientes sobre la concentración máxima ({formatearPorcentaje(r.concentracionMaxima)})
                    </Text>
                    {r.sobreMaximo.map((s) => (
                      <Text key={s.clienteId} size="sm">
                        <Anchor component={Link} to={cliente(s.clienteId)}>
                          {s.razonSocial} · {formatearRut(s.rut)}
                        </Anchor>{' '}
                        <Badge color="red" variant="light">
                          {formatearPorcentaje(s.participacion)}
                        </Badge>
                      </Text>
                    ))}
                  </Stack>
                </Card>
              )}
              <Card withBorder p={0}>
                <TablaOrdenable
                  etiqueta="Mayores deudores"
                  filas={r.principales}
                  clave={(p) => p.clienteId}
                  columnas={[
                    { titulo: '#', celda: (p) => p.posicion, valor: (p) => p.posicion, derecha: true },
                    {
                      titulo: 'Cliente',
                      celda: (p) => (
                        <Anchor component={Link} to={cliente(p.clienteId)}>
                          {p.razonSocial} · {formatearRut(p.rut)}
                        </Anchor>
                      ),
                      valor: (p) => p.razonSocial,
                    },
                    { titulo: 'Segmento', celda: (p) => p.segmento, valor: (p) => p.segmento },
                    {
                      titulo: 'Saldo',
                      celda: (p) => (
                        <Anchor component={Link} to={antiguedad}>
                          {formatearPesos(p.saldo)}
                        </Anchor>
                      ),
                      valor: (p) => p.saldo,
                      derecha: true,
                    },
                    {
                      titulo: 'Vencido',
                      celda: (p) => formatearPesos(p.vencido),
                      valor: (p) => p.vencido,
                      derecha: true,
                    },
                    {
                      titulo: 'Participación',
                      celda: (p) => (
                        <Text
                          span
                          c={p.excedeMaximo ? 'red' : undefined}
                          fw={p.excedeMaximo ? 700 : undefined}
                        >
                          {formatearPorcentaje(p.participacion)}
                        </Text>
                      ),
                      valor: (p) => p.participacion,
                      derecha: true,
                    },
                    {
                      titulo: 'Acumulada',
                      celda: (p) => formatearPorcentaje(p.participacionAcumulada),
                      valor: (p) => p.participacionAcumulada,
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
