import { Anchor, Badge, Button, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto, nombreCanal, nombreTipoDocumento } from '@/lib/cartera';
import { aNumero, formatearFecha, formatearFechaHora } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { useAplicarSaldoPago } from '@/features/pagos/api/use-aplicar-saldo-pago';
import { usePago } from '@/features/pagos/api/use-pago';
import { useReversarAplicacion } from '@/api/hooks/use-reversar-aplicacion';
import { AccionConMotivo } from '@/components/ui/accion-con-motivo';

function Dato({ etiqueta, children }: { etiqueta: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

export default function PagoRoute() {
  const { id = '' } = useParams();
  const { tiene } = useAuth();
  const pago = usePago(id);
  const reversar = useReversarAplicacion();
  const aplicar = useAplicarSaldoPago(id);

  if (pago.isPending) return <Cargando />;
  if (pago.isError) return <ErrorConsulta error={pago.error} reintentar={() => void pago.refetch()} />;
  const p = pago.data;
  const m = (v: number | string) => formatearMonto(v, p.moneda);

  return (
    <Pagina
      titulo={`Pago de ${m(p.monto)}`}
      descripcion={
        <>
          <Anchor component={Link} to={`/clientes/${p.cliente.id}?tab=cartera`}>
            {p.cliente.razonSocial}
          </Anchor>{' '}
          · RUT {formatearRut(p.cliente.rut)}
        </>
      }
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
          <div>
            <Text size="xs" c="dimmed">
              Saldo a favor
            </Text>
            <Text size="lg" fw={700} data-testid="saldo-a-favor">
              {m(p.saldoAFavor)}
            </Text>
          </div>
        </SimpleGrid>
      </Card>
      <Card withBorder p={0}>
        <Title order={4} p="sm">
          Aplicaciones
        </Title>
        {p.aplicaciones.length === 0 ? (
          <Text c="dimmed" p="md">
            El pago no está aplicado a documentos.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table aria-label="Aplicaciones del pago" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Documento</Table.Th>
                  <Table.Th>Cuota</Table.Th>
                  <Table.Th>Fecha</Table.Th>
                  <Table.Th ta="right">Monto</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.aplicaciones.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/cartera/documentos/${a.documentoId}`}>
                        {nombreTipoDocumento(a.tipo)} N° {a.folio}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.cuota}</Table.Td>
                    <Table.Td>{formatearFecha(a.fecha)}</Table.Td>
                    <Table.Td ta="right">{m(a.monto)}</Table.Td>
                    <Table.Td>
                      {a.activa ? (
                        <Badge color="teal" variant="light">
                          Activa
                        </Badge>
                      ) : (
                        <Stack gap={0}>
                          <Badge color="gray" variant="light">
                            Reversada
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {formatearFechaHora(a.fechaReversa)} {a.motivoReversa}
                          </Text>
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.activa && tiene('editar') && (
                        <AccionConMotivo
                          size="xs"
                          variant="subtle"
                          color="red"
                          titulo="Reversar aplicación"
                          mensaje={`Los ${m(a.monto)} vuelven al saldo del documento y al saldo a favor del pago.`}
                          confirmar="Reversar"
                          onConfirm={async (motivo) => {
                            await reversar.mutateAsync({ id: a.id, motivo });
                            notificarExito('Aplicación reversada.');
                          }}
                        >
                          Reversar
                        </AccionConMotivo>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Pagina>
  );
}
