import { Alert, Anchor, Card, Group, Loader, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { esApiError, mensajeDeError } from '@/api/errors';
import { sinRegla } from '@/lib/errores-formulario';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import type { VistaPrevia } from '@/api/tipos-cartera';

function mensajes(error: unknown): string {
  if (esApiError(error) && Object.keys(error.errores).length > 0)
    return Object.values(error.errores).flat().map(sinRegla).join(' ');
  return mensajeDeError(error);
}

/** What the server would apply if the payment were saved now. */
export function VistaPreviaPago({
  datos,
  cargando,
  error,
}: {
  datos: VistaPrevia | undefined;
  cargando: boolean;
  error: unknown;
}) {
  return (
    <Card withBorder p={0} aria-label="Vista previa de la aplicación" component="section">
      <Group p="sm" justify="space-between">
        <Title order={4}>Vista previa de la aplicación</Title>
        {cargando && <Loader size="xs" role="status" aria-label="Calculando vista previa" />}
      </Group>
      {error ? (
        <Alert color="red" m="sm" title="No se puede aplicar así">
          {mensajes(error)}
        </Alert>
      ) : !datos ? (
        <Text c="dimmed" p="md" size="sm">
          Elija el cliente e ingrese el monto (y, en la aplicación manual, cuánto va a cada documento) para
          ver cómo se aplicará el pago.
        </Text>
      ) : (
        <>
          {datos.aplicaciones.length === 0 ? (
            <Text c="dimmed" p="md" size="sm">
              El pago no se aplica a ningún documento.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label="Vista previa" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Documento</Table.Th>
                    <Table.Th>Cuota</Table.Th>
                    <Table.Th>Vencimiento</Table.Th>
                    <Table.Th ta="right">Monto aplicado</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {datos.aplicaciones.map((a) => (
                    <Table.Tr key={`${a.documentoId}-${a.cuota}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/cartera/documentos/${a.documentoId}`} target="_blank">
                          {nombreTipoDocumento(a.tipo)} N° {a.folio}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{a.cuota}</Table.Td>
                      <Table.Td>{formatearFecha(a.fechaVencimiento)}</Table.Td>
                      <Table.Td ta="right">{formatearMonto(a.monto, datos.moneda)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {datos.recuperos.length > 0 && (
            <Table aria-label="Recuperos de castigos en la vista previa" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Documento castigado</Table.Th>
                  <Table.Th ta="right">Recupero del castigo</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {datos.recuperos.map((r) => (
                  <Table.Tr key={r.documentoId}>
                    <Table.Td>
                      {nombreTipoDocumento(r.tipo)} N° {r.folio}
                    </Table.Td>
                    <Table.Td ta="right">{formatearMonto(r.monto, datos.moneda)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group p="sm" justify="flex-end" gap="xl">
            <Text size="sm">
              Aplicado:{' '}
              <b data-testid="vista-previa-aplicado">{formatearMonto(datos.aplicado, datos.moneda)}</b>
            </Text>
            <Text size="sm">
              Saldo a favor:{' '}
              <b data-testid="vista-previa-saldo-a-favor">
                {formatearMonto(datos.saldoAFavor, datos.moneda)}
              </b>
            </Text>
          </Group>
        </>
      )}
    </Card>
  );
}
