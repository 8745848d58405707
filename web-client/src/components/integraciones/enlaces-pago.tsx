import { Anchor, Badge, Button, Card, CopyButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  useAnularEnlacePago,
  useCrearEnlacePago,
  useEnlacesPago,
} from '@/components/integraciones/api/use-enlaces-pago';
import { enlaceDestacado, estadoEnlace } from '@/components/integraciones/estados-enlace';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { formatearFecha, formatearFechaHora, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

/**
 * Payment links of a client (or of one document): create one (the document, or the client's whole overdue debt), copy its
 * URL, see its state and cancel it. The provider confirms payments on its own; a paid link shows its payment.
 */
export function EnlacesPago({ clienteId, documentoId }: { clienteId: string; documentoId?: string }) {
  const enlaces = useEnlacesPago(documentoId ? { documentoId } : { clienteId });
  const crear = useCrearEnlacePago();
  const anular = useAnularEnlacePago();
  const puedeEditar = usePermiso('editar');
  const [email, setEmail] = useState('');

  if (enlaces.isPending) return <Cargando />;
  if (enlaces.isError)
    return <ErrorConsulta error={enlaces.error} reintentar={() => void enlaces.refetch()} />;
  const lista = enlaces.data.items;
  const destacado = enlaceDestacado(lista, new Date());

  const crearEnlace = () =>
    crear
      .mutateAsync({
        clienteId,
        documentoIds: documentoId ? [documentoId] : null,
        deudaVencida: documentoId ? null : true,
        emailPagador: email.trim() || null,
      })
      .then(() => notificarExito('Enlace de pago listo.'))
      .catch((e: unknown) => notificarError(e, 'No se pudo crear el enlace de pago'));

  return (
    <Stack>
      {destacado ? (
        <Card withBorder>
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text fw={600}>Enlace de pago vigente</Text>
              <Anchor
                href={destacado.url ?? undefined}
                target="_blank"
                rel="noreferrer"
                c="blue.8"
                style={{ wordBreak: 'break-all' }}
              >
                {destacado.url}
              </Anchor>
              <Text size="sm" c="gray.7">
                {formatearPesos(destacado.monto)} {destacado.moneda !== 'CLP' && destacado.moneda} · vence el{' '}
                {formatearFecha(destacado.expira)}
              </Text>
            </Stack>
            <CopyButton value={destacado.url ?? ''}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} aria-label="Copiar enlace de pago">
                  {copied ? 'Copiado' : 'Copiar enlace'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Card>
      ) : (
        puedeEditar && (
          <Group align="flex-end">
            <TextInput
              label="Email del pagador (opcional)"
              description="Si no se indica, se usa el primer contacto con email del cliente."
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              type="email"
            />
            <Button onClick={() => void crearEnlace()} loading={crear.isPending}>
              {documentoId ? 'Crear enlace de pago' : 'Crear enlace por la deuda vencida'}
            </Button>
          </Group>
        )
      )}
      {lista.length === 0 ? (
        <Text c="gray.7" size="sm">
          No hay enlaces de pago.
        </Text>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Enlaces de pago">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Creado</Table.Th>
                  <Table.Th>Proveedor</Table.Th>
                  <Table.Th>Documentos</Table.Th>
                  <Table.Th>Monto</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th>Vence</Table.Th>
                  <Table.Th>
                    <span className="sr-only">Acciones</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lista.map((e) => {
                  const estado = estadoEnlace(e.estado);
                  return (
                    <Table.Tr key={e.id}>
                      <Table.Td>{formatearFechaHora(e.creado)}</Table.Td>
                      <Table.Td>{e.proveedor}</Table.Td>
                      <Table.Td>{e.documentos.map((d) => `${d.tipo} ${d.folio}`).join(', ')}</Table.Td>
                      <Table.Td>{formatearPesos(e.monto)}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={estado.color}>
                          {estado.etiqueta}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {e.pagado ? `Pagado el ${formatearFecha(e.pagado)}` : formatearFecha(e.expira)}
                      </Table.Td>
                      <Table.Td>
                        {e.estado === 'activo' && puedeEditar && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red.8"
                            loading={anular.isPending}
                            onClick={() =>
                              void anular
                                .mutateAsync(e.id)
                                .then(() => notificarExito('Enlace anulado.'))
                                .catch((err: unknown) => notificarError(err))
                            }
                          >
                            Anular
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
