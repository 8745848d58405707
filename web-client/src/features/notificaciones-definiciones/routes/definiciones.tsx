import { Badge, Button, Card, Group, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  useActivarDefinicion,
  useDefiniciones,
} from '@/features/notificaciones-definiciones/api/use-definiciones';
import {
  describirProgramacion,
  formularioDesde,
  tiposDefinicion,
} from '@/features/notificaciones-definiciones/components/editor-logica';
import {
  describirEjecucion,
  useEjecutarDefinicion,
} from '@/features/notificaciones-definiciones/api/use-ejecutar-definicion';
import { ConPermiso } from '@/components/auth/con-permiso';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { notificarError, notificarExito } from '@/lib/notificar';

export default function DefinicionesRoute() {
  const [inactivas, setInactivas] = useState(false);
  const definiciones = useDefiniciones(inactivas);
  const activar = useActivarDefinicion();
  const ejecutar = useEjecutarDefinicion();
  return (
    <Pagina
      titulo="Notificaciones"
      descripcion="Los correos automáticos a sus clientes: qué se envía, a quién y cuándo."
    >
      <Group justify="space-between">
        <Switch
          label="Mostrar inactivas"
          checked={inactivas}
          onChange={(e) => setInactivas(e.currentTarget.checked)}
        />
        <Button component={Link} to="/notificaciones/definiciones/nueva" color="blue.8">
          Nueva notificación
        </Button>
      </Group>
      {definiciones.isPending ? (
        <Cargando />
      ) : definiciones.isError ? (
        <ErrorConsulta error={definiciones.error} reintentar={() => void definiciones.refetch()} />
      ) : definiciones.data.length === 0 ? (
        <Text c="gray.7">No hay notificaciones definidas.</Text>
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Notificaciones definidas">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Asunto</Table.Th>
                <Table.Th>Tipo</Table.Th>
                <Table.Th>Programación</Table.Th>
                <Table.Th>Estado</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Acciones</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {definiciones.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Link to={`/notificaciones/definiciones/${d.id}`}>{d.asunto}</Link>
                    {d.descripcion && (
                      <Text size="xs" c="gray.7">
                        {d.descripcion}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{tiposDefinicion.find((t) => t.value === d.tipo)?.label ?? d.tipo}</Table.Td>
                  <Table.Td>{describirProgramacion(formularioDesde(d))}</Table.Td>
                  <Table.Td>
                    {d.activa ? (
                      <Badge variant="outline" color="#237032">
                        Activa
                      </Badge>
                    ) : (
                      <Badge variant="outline" color="gray.7">
                        Inactiva
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {d.activa && d.tipo !== 'politica' && (
                        <ConPermiso permiso="enviar_notificaciones">
                          <BotonConfirmar
                            size="xs"
                            variant="outline"
                            color="blue.9"
                            titulo="Ejecutar ahora"
                            mensaje={`Se seleccionarán hoy los destinatarios de «${d.asunto}» y sus correos quedarán en cola de envío. Un cliente que ya la recibió hoy no la recibe de nuevo.`}
                            confirmar="Ejecutar ahora"
                            onConfirm={async () => {
                              try {
                                notificarExito(describirEjecucion(await ejecutar.mutateAsync(d.id)));
                              } catch (e) {
                                notificarError(e);
                                throw e;
                              }
                            }}
                          >
                            Ejecutar ahora
                          </BotonConfirmar>
                        </ConPermiso>
                      )}
                      <Button
                        size="xs"
                        variant="outline"
                        color={d.activa ? 'red.9' : 'blue.9'}
                        onClick={() =>
                          activar
                            .mutateAsync({ id: d.id, activa: !d.activa })
                            .then(() =>
                              notificarExito(
                                d.activa ? 'Notificación desactivada.' : 'Notificación activada.',
                              ),
                            )
                            .catch((e: unknown) => notificarError(e))
                        }
                      >
                        {d.activa ? 'Desactivar' : 'Activar'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Pagina>
  );
}
