import { Anchor, Badge, Card, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useEnviosCliente } from '@/components/notificaciones/api/use-envios-cliente';
import { estadosEnvio } from '@/components/notificaciones/estados-envio';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { formatearFechaHora } from '@/lib/formato';

/** The client page's e-mails: each message sent, its state and what came back, linking to the message. */
export function CorreosCliente({ clienteId }: { clienteId: string }) {
  const envios = useEnviosCliente(clienteId);
  if (envios.isPending) return <Cargando />;
  if (envios.isError) return <ErrorConsulta error={envios.error} reintentar={() => void envios.refetch()} />;
  if (envios.data.items.length === 0)
    return (
      <Text c="gray.7" size="sm">
        No se han enviado correos a este cliente.
      </Text>
    );
  return (
    <Card withBorder p={0}>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Correos enviados al cliente">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Asunto</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th>Seguimiento</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {envios.data.items.map((e) => {
              const estado = estadosEnvio[e.estado] ?? { etiqueta: e.estado, color: 'gray.8' };
              return (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatearFechaHora(e.enviado ?? e.creado)}</Table.Td>
                  <Table.Td>
                    <Anchor c="blue.8" component={Link} to={`/notificaciones/envios/${e.id}`}>
                      {e.asunto}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={estado.color} variant="outline">
                      {estado.etiqueta}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {e.abierto && (
                        <Badge variant="outline" color="blue.9">
                          {e.aperturaProbableAutomatica ? 'Abierto (¿automático?)' : 'Abierto'}
                        </Badge>
                      )}
                      {e.clic && (
                        <Badge variant="outline" color="blue.9">
                          Clic
                        </Badge>
                      )}
                      {e.respondido && (
                        <Badge variant="outline" color="teal.9">
                          Respondido
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
