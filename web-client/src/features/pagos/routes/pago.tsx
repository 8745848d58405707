import { Anchor, Button, Card, SimpleGrid } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Dato, DatoDestacado, DescripcionCliente, SeccionTabla } from '@/components/ui/detalle';
import { EstadoAplicacion, ReversarAplicacion } from '@/components/cartera/aplicacion';
import { Pagina } from '@/components/ui/pagina';
import { Tabla } from '@/components/ui/tabla';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto, nombreCanal, nombreTipoDocumento } from '@/lib/cartera';
import { aNumero, formatearFecha, formatearFechaHora } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useAplicarSaldoPago } from '@/features/pagos/api/use-aplicar-saldo-pago';
import { usePago } from '@/features/pagos/api/use-pago';

export default function PagoRoute() {
  const { id = '' } = useParams();
  const { tiene } = useAuth();
  const pago = usePago(id);
  const aplicar = useAplicarSaldoPago(id);

  if (pago.isPending) return <Cargando />;
  if (pago.isError) return <ErrorConsulta error={pago.error} reintentar={() => void pago.refetch()} />;
  const p = pago.data;
  const m = (v: number | string) => formatearMonto(v, p.moneda);

  return (
    <Pagina
      titulo={`Pago de ${m(p.monto)}`}
      descripcion={<DescripcionCliente cliente={p.cliente} />}
      acciones={
        <>
          <Button variant="default" component={Link} to="/cartera/pagos">
            Volver
          </Button>
          {tiene('editar') && (aNumero(p.saldoAFavor) ?? 0) > 0 && (
            <BotonConfirmar
              color="blue"
              titulo="Aplicar saldo a favor"
              mensaje={`Se aplicarán ${m(p.saldoAFavor)} a los documentos abiertos del cliente, los más antiguos primero.`}
              confirmar="Aplicar"
              onConfirm={async () => {
                try {
                  const r = await aplicar.mutateAsync({ aplicacion: 'automatica', aplicaciones: null });
                  notificarExito(`Saldo a favor restante: ${formatearMonto(r.saldoAFavor, r.moneda)}.`);
                } catch (e) {
                  notificarError(e, 'No se pudo aplicar el saldo');
                  throw e;
                }
              }}
            >
              Aplicar saldo a favor
            </BotonConfirmar>
          )}
        </>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Dato etiqueta="Fecha">{formatearFecha(p.fecha)}</Dato>
          <Dato etiqueta="Canal">{nombreCanal(p.canal)}</Dato>
          <Dato etiqueta="Referencia">{p.referencia}</Dato>
          <Dato etiqueta="Registrado">{formatearFechaHora(p.creado)}</Dato>
          <Dato etiqueta="Monto">{m(p.monto)}</Dato>
          <Dato etiqueta="Aplicado">{m(p.aplicado)}</Dato>
          {p.recuperos.length > 0 && (
            <Dato etiqueta="Recupero de castigos">
              {m(p.recuperos.filter((r) => r.activo).reduce((s, r) => s + Number(r.monto), 0))}
            </Dato>
          )}
          <DatoDestacado etiqueta="Saldo a favor" testId="saldo-a-favor">
            {m(p.saldoAFavor)}
          </DatoDestacado>
        </SimpleGrid>
      </Card>
      <SeccionTabla
        titulo="Aplicaciones"
        vacio={p.aplicaciones.length === 0 && 'El pago no está aplicado a documentos.'}
      >
        <Tabla
          etiqueta="Aplicaciones del pago"
          anchoMinimo={700}
          resaltar={false}
          filas={p.aplicaciones}
          clave={(a) => a.id}
          columnas={[
            {
              titulo: 'Documento',
              celda: (a) => (
                <Anchor component={Link} to={`/cartera/documentos/${a.documentoId}`}>
                  {nombreTipoDocumento(a.tipo)} N° {a.folio}
                </Anchor>
              ),
            },
            { titulo: 'Cuota', celda: (a) => a.cuota },
            { titulo: 'Fecha', celda: (a) => formatearFecha(a.fecha) },
            { titulo: 'Monto', derecha: true, celda: (a) => m(a.monto) },
            {
              titulo: 'Estado',
              celda: (a) => (
                <EstadoAplicacion
                  activa={a.activa}
                  fechaReversa={a.fechaReversa}
                  motivoReversa={a.motivoReversa}
                />
              ),
            },
            {
              titulo: '',
              celda: (a) =>
                a.activa &&
                tiene('editar') && (
                  <ReversarAplicacion
                    id={a.id}
                    mensaje={`Los ${m(a.monto)} vuelven al saldo del documento y al saldo a favor del pago.`}
                  />
                ),
            },
          ]}
        />
      </SeccionTabla>
      {p.recuperos.length > 0 && (
        <SeccionTabla titulo="Recuperos de documentos castigados">
          <Tabla
            etiqueta="Recuperos de castigos del pago"
            anchoMinimo={600}
            resaltar={false}
            filas={p.recuperos}
            clave={(r) => r.id}
            columnas={[
              {
                titulo: 'Documento castigado',
                celda: (r) => (
                  <Anchor component={Link} to={`/cartera/documentos/${r.documentoId}`}>
                    {nombreTipoDocumento(r.tipo)} N° {r.folio}
                  </Anchor>
                ),
              },
              { titulo: 'Fecha', celda: (r) => formatearFecha(r.fecha) },
              { titulo: 'Monto', derecha: true, celda: (r) => m(r.monto) },
              {
                titulo: 'Estado',
                celda: (r) =>
                  r.activo
                    ? 'Vigente'
                    : `Reversado el ${formatearFecha(r.fechaReversa ?? '')}${r.motivoReversa ? `: ${r.motivoReversa}` : ''}`,
              },
            ]}
          />
        </SeccionTabla>
      )}
    </Pagina>
  );
}
