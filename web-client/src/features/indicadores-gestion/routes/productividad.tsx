import { Card, Group, Text, Title } from '@mantine/core';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearPesos, formatearPorcentaje } from '@/lib/formato';
import { useProductividad, type Productividad } from '@/features/indicadores-gestion/api/use-productividad';
import { Definicion } from '@/features/indicadores-gestion/components/definicion';
import { FiltrosIndicador } from '@/features/indicadores-gestion/components/filtros-indicador';
import { useFiltrosIndicador } from '@/features/indicadores-gestion/components/use-filtros-indicador';
import { MenuExportarIndicador } from '@/features/indicadores-gestion/components/menu-exportar-indicador';
import { TablaOrdenable } from '@/components/reportes/tabla-ordenable';

type Fila = Productividad['filas'][number];

export default function ProductividadRoute() {
  const [filtros, cambiar] = useFiltrosIndicador(1);
  const datos = useProductividad(filtros);
  return (
    <Pagina
      titulo="Productividad por cobrador"
      descripcion="Actividades, contactos, compromisos y recaudación de cada cobrador en el período"
      acciones={<MenuExportarIndicador indicador="productividad" filtros={{ ...filtros }} />}
    >
      <FiltrosIndicador filtros={filtros} cambiar={cambiar} />
      {datos.isPending ? (
        <Cargando />
      ) : datos.isError ? (
        <ErrorConsulta error={datos.error} reintentar={() => void datos.refetch()} />
      ) : (
        <Card withBorder>
          <Group gap={4} mb="sm">
            <Title order={4}>Cobradores</Title>
            <Definicion etiqueta="productividad" texto={datos.data.definicion} />
          </Group>
          <TablaOrdenable<Fila>
            etiqueta="Productividad por cobrador"
            filas={[...datos.data.filas]}
            clave={(f) => f.cobradorId}
            anchoMinimo={900}
            columnas={[
              { titulo: 'Cobrador', celda: (f) => f.nombre, valor: (f) => f.nombre },
              {
                titulo: 'Actividades',
                celda: (f) => f.actividades,
                valor: (f) => f.actividades,
                derecha: true,
              },
              { titulo: 'Contactos', celda: (f) => f.contactos, valor: (f) => f.contactos, derecha: true },
              {
                titulo: '% contacto',
                celda: (f) => formatearPorcentaje(f.tasaContacto),
                valor: (f) => f.tasaContacto,
                derecha: true,
              },
              {
                titulo: 'Compromisos',
                celda: (f) => f.compromisosTomados,
                valor: (f) => f.compromisosTomados,
                derecha: true,
              },
              {
                titulo: 'Comprometido',
                celda: (f) => formatearPesos(f.montoComprometido),
                valor: (f) => f.montoComprometido,
                derecha: true,
              },
              {
                titulo: 'Cumplidos',
                celda: (f) => f.compromisosCumplidos,
                valor: (f) => f.compromisosCumplidos,
                derecha: true,
              },
              {
                titulo: 'Monto cumplido',
                celda: (f) => formatearPesos(f.montoCumplido),
                valor: (f) => f.montoCumplido,
                derecha: true,
              },
              {
                titulo: 'Recaudado',
                celda: (f) => formatearPesos(f.recaudado),
                valor: (f) => f.recaudado,
                derecha: true,
              },
            ]}
          />
          {datos.data.filas.length === 0 && <Text c="dimmed">Sin cobradores.</Text>}
        </Card>
      )}
    </Pagina>
  );
}
