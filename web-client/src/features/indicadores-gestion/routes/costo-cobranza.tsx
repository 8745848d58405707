import { Button, Card, SimpleGrid, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearNumero, formatearPesos } from '@/lib/formato';
import { usePermiso } from '@/lib/auth-contexto';
import { useCostoCobranza, type CostoCobranza } from '@/features/indicadores-gestion/api/use-costo-cobranza';
import { Cifra } from '@/features/indicadores-gestion/components/definicion';
import { FiltrosIndicador } from '@/features/indicadores-gestion/components/filtros-indicador';
import { useFiltrosIndicador } from '@/features/indicadores-gestion/components/use-filtros-indicador';
import { etiquetaMes } from '@/features/indicadores-gestion/components/logica-indicadores';
import { MenuExportarIndicador } from '@/features/indicadores-gestion/components/menu-exportar-indicador';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';

type PorCobrador = CostoCobranza['porCobrador'][number];
type PorTipo = CostoCobranza['porTipo'][number];
type PorMes = CostoCobranza['porMes'][number];

const porPeso = (v: number | string | null | undefined) =>
  v === null || v === undefined ? '—' : `$${formatearNumero(v)}`;

export default function CostoCobranzaRoute() {
  const [filtros, cambiar] = useFiltrosIndicador(3);
  const datos = useCostoCobranza(filtros);
  const administra = usePermiso('administrar');
  return (
    <Pagina
      titulo="Costo de cobranza"
      descripcion="Lo que cuesta cobrar: actividades por su costo y comisiones de agencias externas"
      acciones={
        <>
          {administra && (
            <Button
              variant="default"
              component={Link}
              to="/reportes/tabla-costos"
              leftSection={<IconSettings size={16} />}
            >
              Tabla de costos
            </Button>
          )}
          <MenuExportarIndicador indicador="costo-cobranza" filtros={{ ...filtros }} />
        </>
      }
    >
      <FiltrosIndicador filtros={filtros} cambiar={cambiar} />
      {datos.isPending ? (
        <Cargando />
      ) : datos.isError ? (
        <ErrorConsulta error={datos.error} reintentar={() => void datos.refetch()} />
      ) : (
        <>
          <Card withBorder>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Cifra
                etiqueta="Costo total"
                valor={formatearPesos(datos.data.costoTotal)}
                definicion={datos.data.definicion}
                testId="costo-total"
              />
              <Cifra
                etiqueta="Comisión agencias"
                valor={formatearPesos(datos.data.comisionAgencias)}
                definicion={`${formatearNumero(datos.data.comisionAgenciasPorcentaje)} % de lo recuperado por agencias externas (${formatearPesos(datos.data.recuperadoAgencias)}); aún no hay agencias.`}
              />
              <Cifra
                etiqueta="Recaudado"
                valor={formatearPesos(datos.data.recaudado)}
                definicion="Pagos aplicados en el período a documentos de los clientes del filtro."
              />
              <Cifra
                etiqueta="Costo por peso recaudado"
                valor={porPeso(datos.data.costoPorPeso)}
                definicion="Costo total / recaudado: cuántos pesos cuesta recaudar un peso."
                testId="costo-por-peso"
              />
            </SimpleGrid>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={4} mb="sm">
                Por cobrador
              </Title>
              <TablaOrdenable<PorCobrador>
                etiqueta="Costo por cobrador"
                filas={[...datos.data.porCobrador]}
                clave={(f) => f.cobradorId ?? 'ninguno'}
                anchoMinimo={360}
                columnas={[
                  { titulo: 'Cobrador', celda: (f) => f.nombre, valor: (f) => f.nombre },
                  {
                    titulo: 'Actividades',
                    celda: (f) => f.actividades,
                    valor: (f) => f.actividades,
                    derecha: true,
                  },
                  {
                    titulo: 'Costo',
                    celda: (f) => formatearPesos(f.costo),
                    valor: (f) => f.costo,
                    derecha: true,
                  },
                ]}
              />
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                Por tipo de actividad
              </Title>
              <TablaOrdenable<PorTipo>
                etiqueta="Costo por tipo de actividad"
                filas={[...datos.data.porTipo]}
                clave={(f) => f.tipoActividadId}
                anchoMinimo={360}
                columnas={[
                  { titulo: 'Tipo', celda: (f) => f.nombre, valor: (f) => f.nombre },
                  {
                    titulo: 'Costo unitario',
                    celda: (f) => formatearPesos(f.costoUnitario),
                    valor: (f) => f.costoUnitario,
                    derecha: true,
                  },
                  {
                    titulo: 'Actividades',
                    celda: (f) => f.actividades,
                    valor: (f) => f.actividades,
                    derecha: true,
                  },
                  {
                    titulo: 'Costo',
                    celda: (f) => formatearPesos(f.costo),
                    valor: (f) => f.costo,
                    derecha: true,
                  },
                ]}
              />
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={4} mb="sm">
              Por mes
            </Title>
            <TablaOrdenable<PorMes>
              etiqueta="Costo por mes"
              filas={[...datos.data.porMes]}
              clave={(f) => f.mes}
              anchoMinimo={480}
              columnas={[
                { titulo: 'Mes', celda: (f) => etiquetaMes(f.mes), valor: (f) => f.mes },
                {
                  titulo: 'Actividades',
                  celda: (f) => f.actividades,
                  valor: (f) => f.actividades,
                  derecha: true,
                },
                {
                  titulo: 'Costo',
                  celda: (f) => formatearPesos(f.costo),
                  valor: (f) => f.costo,
                  derecha: true,
                },
                {
                  titulo: 'Recaudado',
                  celda: (f) => formatearPesos(f.recaudado),
                  valor: (f) => f.recaudado,
                  derecha: true,
                },
                {
                  titulo: 'Costo por peso',
                  celda: (f) => porPeso(f.costoPorPeso),
                  valor: (f) => f.costoPorPeso,
                  derecha: true,
                },
              ]}
            />
          </Card>
        </>
      )}
    </Pagina>
  );
}
