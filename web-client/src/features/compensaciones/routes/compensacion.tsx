import { Anchor, Button, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Dato, DatoDestacado, DescripcionCliente, SeccionTabla } from '@/components/ui/detalle';
import { EstadoAplicacion } from '@/components/cartera/aplicacion';
import { Pagina } from '@/components/ui/pagina';
import { Tabla } from '@/components/ui/tabla';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import { useCompensacion } from '@/features/compensaciones/api/use-compensaciones';
import { EstadoCompensacion } from '@/features/compensaciones/components/estado-compensacion';
import { ReversarCompensacion } from '@/features/compensaciones/components/reversar-compensacion';

export default function CompensacionRoute() {
  const { id = '' } = useParams();
  const { tiene } = useAuth();
  const compensacion = useCompensacion(id);
  if (compensacion.isPending) return <Cargando />;
  if (compensacion.isError)
    return <ErrorConsulta error={compensacion.error} reintentar={() => void compensacion.refetch()} />;
  const c = compensacion.data;
  const m = (v: number | string) => formatearMonto(v, c.moneda);
  return (
    <Pagina
      tituloVentana={`Compensación de ${nombreTipoDocumento(c.notaCredito.tipo)} N° ${c.notaCredito.folio}`}
      titulo={
        <Group gap="sm">
          Compensación de {nombreTipoDocumento(c.notaCredito.tipo)} N° {c.notaCredito.folio}
          <EstadoCompensacion vigente={c.vigente} />
        </Group>
      }
      descripcion={<DescripcionCliente cliente={c.cliente} />}
      acciones={
        <>
          <Button variant="default" component={Link} to="/cartera/compensaciones">
            Volver
          </Button>
          {tiene('editar') && c.vigente && <ReversarCompensacion compensacion={c} />}
        </>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Dato etiqueta="Fecha">{formatearFecha(c.fecha)}</Dato>
          <Dato etiqueta="Nota de crédito">
            <Anchor component={Link} to={`/cartera/documentos/${c.notaCredito.id}`} size="sm">
              {nombreTipoDocumento(c.notaCredito.tipo)} N° {c.notaCredito.folio}
            </Anchor>
          </Dato>
          <DatoDestacado etiqueta="Monto compensado" testId="monto-compensacion">
            {m(c.monto)}
          </DatoDestacado>
          <Dato etiqueta="Registrada por">{c.actor}</Dato>
        </SimpleGrid>
        <Text size="sm" mt="md">
          Motivo: {c.motivo}
        </Text>
        {!c.vigente && (
          <Text size="sm" mt="xs" c="red" data-testid="reversa-compensacion">
            Reversada el {formatearFecha(c.fechaReversa)}: {c.motivoReversa}
          </Text>
        )}
      </Card>
      <SeccionTabla titulo="Documentos compensados">
        <Tabla
          etiqueta="Líneas de la compensación"
          anchoMinimo={520}
          resaltar={false}
          filas={c.lineas}
          clave={(l) => l.aplicacionId}
          columnas={[
            {
              titulo: 'Documento',
              celda: (l) => (
                <Anchor component={Link} to={`/cartera/documentos/${l.documentoId}`} size="sm">
                  {nombreTipoDocumento(l.tipo)} N° {l.folio}
                </Anchor>
              ),
            },
            { titulo: 'Cuota', celda: (l) => l.cuota },
            { titulo: 'Monto', derecha: true, celda: (l) => m(l.monto) },
            { titulo: 'Estado', celda: (l) => <EstadoAplicacion activa={l.activa} /> },
          ]}
        />
      </SeccionTabla>
    </Pagina>
  );
}
