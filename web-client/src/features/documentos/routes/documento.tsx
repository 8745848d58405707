import { Anchor, Button, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { IconBan, IconCash } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Dato, DatoDestacado, DescripcionCliente, SeccionTabla } from '@/components/ui/detalle';
import { EstadoAplicacion, ReversarAplicacion } from '@/components/cartera/aplicacion';
import { EstadoDocumento } from '@/components/ui/etiquetas';
import { Pagina } from '@/components/ui/pagina';
import { EnlacesPago } from '@/components/integraciones/enlaces-pago';
import { Tabla } from '@/components/ui/tabla';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { aNumero, formatearFecha, formatearFechaHora } from '@/lib/formato';
import { notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { useAnularDocumento } from '@/features/documentos/api/use-anular-documento';
import { useDocumento } from '@/api/hooks/use-documento';
import { esLetra } from '@/features/documentos/api/use-letras';
import { useRevertirCesion } from '@/features/documentos/api/use-revertir-cesion';
import { AccionConMotivo } from '@/components/ui/accion-con-motivo';
import { CastigarDocumento } from '@/features/documentos/components/castigar-documento';
import { CederDocumento } from '@/features/documentos/components/ceder-documento';
import { AccionesLetra, DatosLetra } from '@/features/documentos/components/letra-en-cobranza';
import { hoySantiago } from '@/lib/fecha-negocio';

export default function DocumentoRoute() {
  const { id = '' } = useParams();
  const { tiene } = useAuth();
  const documento = useDocumento(id);
  const anular = useAnularDocumento(id);
  const revertirCesion = useRevertirCesion(id);

  if (documento.isPending) return <Cargando />;
  if (documento.isError)
    return <ErrorConsulta error={documento.error} reintentar={() => void documento.refetch()} />;
  const d = documento.data;
  const m = (v: number | string) => formatearMonto(v, d.moneda);
  const dias = aNumero(d.diasVencido) ?? 0;
  const hoy = hoySantiago();
  const debito = d.tipo !== '61' && d.tipo !== '112';
  const conSaldo = (aNumero(d.saldo) ?? 0) > 0;
  const cobranzaPropia = debito && conSaldo && !['anulado', 'cedido', 'castigado'].includes(d.estado);

  return (
    <Pagina
      tituloVentana={`${nombreTipoDocumento(d.tipo)} N° ${d.folio}`}
      titulo={
        <Group gap="sm">
          {nombreTipoDocumento(d.tipo)} N° {d.folio}
          <EstadoDocumento estado={d.estado} />
        </Group>
      }
      descripcion={<DescripcionCliente cliente={d.cliente} />}
      acciones={
        <>
          <Button variant="default" component={Link} to="/cartera/documentos">
            Volver
          </Button>
          {tiene('editar') && cobranzaPropia && (
            <Button
              component={Link}
              leftSection={<IconCash size={16} />}
              to={`/cartera/pagos/nuevo?${new URLSearchParams({
                clienteId: d.cliente.id,
                aplicar: `${d.id}:${d.saldo}`,
                moneda: d.moneda,
              }).toString()}`}
            >
              Registrar pago
            </Button>
          )}
          {tiene('editar') && cobranzaPropia && <CederDocumento id={d.id} hoy={hoy} />}
          {tiene('editar') && cobranzaPropia && <CastigarDocumento id={d.id} hoy={hoy} saldo={m(d.saldo)} />}
          {tiene('editar') && cobranzaPropia && esLetra(d.tipo) && <AccionesLetra documento={d} hoy={hoy} />}
          {tiene('editar') && !debito && conSaldo && d.estado !== 'anulado' && (
            <Button
              variant="light"
              component={Link}
              to={`/cartera/compensaciones/nueva?notaCreditoId=${d.id}`}
            >
              Compensar nota de crédito
            </Button>
          )}
          {tiene('editar') && d.estado === 'cedido' && (
            <AccionConMotivo
              variant="light"
              color="blue"
              titulo="Revertir cesión (recompra)"
              mensaje="El documento vuelve a la cobranza propia; los datos del factor quedan en su historia."
              confirmar="Revertir"
              onConfirm={async (motivo) => {
                await revertirCesion.mutateAsync(motivo);
                notificarExito('Cesión revertida.');
              }}
            >
              Revertir cesión
            </AccionConMotivo>
          )}
          {tiene('editar') && d.estado !== 'anulado' && (
            <AccionConMotivo
              variant="outline"
              color="red"
              leftSection={<IconBan size={16} />}
              titulo="Anular documento"
              mensaje="El documento deja de contar en la cartera. Solo se puede anular si no tiene aplicaciones activas."
              confirmar="Anular"
              onConfirm={async (motivo) => {
                await anular.mutateAsync(motivo);
                notificarExito('Documento anulado.');
              }}
            >
              Anular
            </AccionConMotivo>
          )}
        </>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Dato etiqueta="Emisión">{formatearFecha(d.fechaEmision)}</Dato>
          <Dato etiqueta="Vencimiento">{formatearFecha(d.fechaVencimiento)}</Dato>
          <Dato etiqueta="Días vencido">{dias > 0 ? String(dias) : '—'}</Dato>
          <Dato etiqueta="Moneda">{d.moneda}</Dato>
          <Dato etiqueta="Neto">{m(d.neto)}</Dato>
          <Dato etiqueta="Exento">{m(d.exento)}</Dato>
          <Dato etiqueta="IVA">{m(d.iva)}</Dato>
          <Dato etiqueta="Total">{m(d.total)}</Dato>
          <DatoDestacado etiqueta="Saldo" testId="saldo-documento">
            {m(d.saldo)}
          </DatoDestacado>
          <Dato etiqueta="Origen">{d.origen}</Dato>
          <Dato etiqueta="ID externo">{d.externalId}</Dato>
          {d.cuentaContable && <Dato etiqueta="Cuenta contable">{d.cuentaContable}</Dato>}
          <Dato etiqueta="Referencia">
            {d.referencia && (
              <Anchor component={Link} to={`/cartera/documentos/${d.referencia.id}`}>
                {nombreTipoDocumento(d.referencia.tipo)} N° {d.referencia.folio}
              </Anchor>
            )}
          </Dato>
        </SimpleGrid>
        {d.notas && (
          <Text size="sm" mt="md">
            {d.notas}
          </Text>
        )}
        {d.cesion && (
          <Text size="sm" mt="md" c={d.cesion.vigente ? 'violet' : 'dimmed'}>
            Cedido a {d.cesion.factor} (RUT {formatearRut(d.cesion.factorRut)}) el{' '}
            {formatearFecha(d.cesion.fecha)}
            {d.cesion.fechaNotificacion
              ? `, notificado el ${formatearFecha(d.cesion.fechaNotificacion)}`
              : ''}
            {d.cesion.notas ? `: ${d.cesion.notas}` : ''}
            {d.cesion.fechaRecompra
              ? ` · Recomprado el ${formatearFecha(d.cesion.fechaRecompra)}: ${d.cesion.motivoRecompra ?? ''}`
              : ''}
          </Text>
        )}
        <DatosLetra documento={d} />
        {d.castigo && (
          <Text size="sm" mt="md" c="red">
            Castigado el {formatearFecha(d.castigo.fecha)} por {m(d.castigo.monto)}: {d.castigo.motivo}
          </Text>
        )}
        {d.fechaAnulacion && (
          <Text size="sm" mt="md" c="red">
            Anulado el {formatearFechaHora(d.fechaAnulacion)}: {d.motivoAnulacion}
          </Text>
        )}
      </Card>
      {(cobranzaPropia || d.estado === 'pagado') && d.cliente && (
        <SeccionTabla titulo="Pago en línea">
          <div style={{ padding: 'var(--mantine-spacing-sm)' }}>
            <EnlacesPago clienteId={d.cliente.id} documentoId={d.id} />
          </div>
        </SeccionTabla>
      )}
      <SeccionTabla titulo="Cuotas">
        <Tabla
          etiqueta="Cuotas"
          anchoMinimo={500}
          resaltar={false}
          filas={d.cuotas}
          clave={(c) => String(c.numero)}
          columnas={[
            { titulo: 'N°', celda: (c) => c.numero },
            { titulo: 'Vencimiento', celda: (c) => formatearFecha(c.fechaVencimiento) },
            { titulo: 'Monto', derecha: true, celda: (c) => m(c.monto) },
            { titulo: 'Saldo', derecha: true, celda: (c) => m(c.saldo) },
            { titulo: 'Estado', celda: (c) => <EstadoDocumento estado={c.estado} /> },
          ]}
        />
      </SeccionTabla>
      <SeccionTabla
        titulo="Historial de aplicaciones"
        vacio={d.aplicaciones.length === 0 && 'Sin pagos ni notas de crédito aplicados.'}
      >
        <Tabla
          etiqueta="Aplicaciones"
          anchoMinimo={760}
          resaltar={false}
          filas={d.aplicaciones}
          clave={(a) => a.id}
          columnas={[
            { titulo: 'Fecha', sinCorte: true, celda: (a) => formatearFecha(a.fecha) },
            {
              titulo: 'Origen',
              celda: (a) =>
                a.pagoId ? (
                  <Anchor component={Link} to={`/cartera/pagos/${a.pagoId}`}>
                    Pago
                  </Anchor>
                ) : a.notaCreditoId ? (
                  <Anchor component={Link} to={`/cartera/documentos/${a.notaCreditoId}`}>
                    Nota de crédito
                  </Anchor>
                ) : (
                  '—'
                ),
            },
            { titulo: 'Cuota', celda: (a) => a.cuota },
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
            { titulo: 'Por', celda: (a) => a.actor },
            {
              titulo: '',
              celda: (a) =>
                a.activa &&
                tiene('editar') && (
                  <ReversarAplicacion
                    id={a.id}
                    mensaje={`Se devolverán ${m(a.monto)} al saldo del documento y al saldo a favor del origen.`}
                  />
                ),
            },
          ]}
        />
      </SeccionTabla>
    </Pagina>
  );
}
