import { ActionIcon, Badge, Button, Card, Group, Modal, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlayerPlay, IconPlayerStop, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { notificarError, notificarExito } from '@/lib/notificar';
import type { Contacto } from '@/features/clientes/api/tipos';
import { useActualizarContacto } from '@/features/clientes/api/use-actualizar-contacto';
import { useContactosCliente } from '@/api/hooks/use-contactos-cliente';
import { useCrearContacto } from '@/features/clientes/api/use-crear-contacto';
import { useEliminarContacto } from '@/features/clientes/api/use-eliminar-contacto';
import { useCambiarActividadContacto } from '@/features/clientes/api/use-cambiar-actividad-contacto';
import { ContactoForm } from '@/features/clientes/components/contacto-form';
import { EnlaceContacto } from '@/components/ui/enlace-contacto';
import { canales, rolesContacto } from '@/features/clientes/components/contacto-opciones';

const etiqueta = (lista: { value: string; label: string }[], v: string) =>
  lista.find((x) => x.value === v)?.label ?? v;

export function ContactosCliente({ clienteId }: { clienteId: string }) {
  const puedeEditar = usePermiso('editar');
  const contactos = useContactosCliente(clienteId);
  const crear = useCrearContacto(clienteId);
  const actualizar = useActualizarContacto(clienteId);
  const eliminar = useEliminarContacto(clienteId);
  const actividad = useCambiarActividadContacto(clienteId);
  const [editando, setEditando] = useState<Contacto | 'nuevo' | null>(null);

  if (contactos.isPending) return <Cargando />;
  if (contactos.isError) return <ErrorConsulta error={contactos.error} />;

  return (
    <Card withBorder p={0}>
      <Group justify="space-between" p="sm">
        <Text fw={600}>Contactos ({contactos.data.length})</Text>
        {puedeEditar && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditando('nuevo')}>
            Agregar contacto
          </Button>
        )}
      </Group>
      {contactos.data.length === 0 ? (
        <Text c="dimmed" p="md">
          El cliente no tiene contactos registrados.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label="Contactos" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nombre</Table.Th>
                <Table.Th>Rol</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Teléfono</Table.Th>
                <Table.Th>Canal</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contactos.data.map((c) => (
                <Table.Tr key={c.id} c={c.activo ? undefined : 'dimmed'}>
                  <Table.Td>
                    {c.nombre}
                    {!c.activo && (
                      <Badge ml="xs" size="xs" color="gray" variant="light">
                        Inactivo
                      </Badge>
                    )}
                    {c.cargo && (
                      <Text size="xs" c="dimmed">
                        {c.cargo}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{etiqueta(rolesContacto, c.rol)}</Table.Td>
                  <Table.Td>
                    {c.email && <EnlaceContacto tipo="email" valor={c.email} nombre={c.nombre} />}
                    {c.optOutEmail && (
                      <Badge ml="xs" size="xs" color="orange" variant="light">
                        Opt-out
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.telefono && <EnlaceContacto tipo="telefono" valor={c.telefono} nombre={c.nombre} />}
                  </Table.Td>
                  <Table.Td>{etiqueta(canales, c.canalPreferido)}</Table.Td>
                  {puedeEditar && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Editar">
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Editar ${c.nombre}`}
                            onClick={() => setEditando(c)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {c.activo ? (
                          <BotonConfirmar
                            key="desactivar"
                            variant="subtle"
                            color="red"
                            size="xs"
                            aria-label={`Desactivar ${c.nombre}`}
                            leftSection={<IconPlayerStop size={14} />}
                            titulo="Desactivar contacto"
                            mensaje={`¿Desactivar a ${c.nombre}? Pierde de inmediato el acceso al portal de clientes y deja de recibir recordatorios. Puede reactivarlo después.`}
                            confirmar="Desactivar"
                            onConfirm={async () => {
                              try {
                                await actividad.mutateAsync({ contactoId: c.id, activo: false });
                                notificarExito('Contacto desactivado.');
                              } catch (e) {
                                notificarError(e);
                                throw e;
                              }
                            }}
                          >
                            Desactivar
                          </BotonConfirmar>
                        ) : (
                          <BotonConfirmar
                            key="reactivar"
                            variant="subtle"
                            color="green"
                            size="xs"
                            aria-label={`Reactivar ${c.nombre}`}
                            leftSection={<IconPlayerPlay size={14} />}
                            titulo="Reactivar contacto"
                            mensaje={`¿Reactivar a ${c.nombre}? Podrá pedir un enlace al portal de clientes y volverá a recibir recordatorios.`}
                            confirmar="Reactivar"
                            onConfirm={async () => {
                              try {
                                await actividad.mutateAsync({ contactoId: c.id, activo: true });
                                notificarExito('Contacto reactivado.');
                              } catch (e) {
                                notificarError(e);
                                throw e;
                              }
                            }}
                          >
                            Reactivar
                          </BotonConfirmar>
                        )}
                        <BotonConfirmar
                          variant="subtle"
                          color="red"
                          size="xs"
                          aria-label={`Eliminar ${c.nombre}`}
                          titulo="Eliminar contacto"
                          mensaje={`¿Eliminar el contacto ${c.nombre}? También se quitará de los grupos de contactos.`}
                          confirmar="Eliminar"
                          onConfirm={async () => {
                            try {
                              await eliminar.mutateAsync(c.id);
                              notificarExito('Contacto eliminado.');
                            } catch (e) {
                              notificarError(e);
                              throw e;
                            }
                          }}
                        >
                          <IconTrash size={16} />
                        </BotonConfirmar>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editando !== null}
        onClose={() => setEditando(null)}
        title={editando === 'nuevo' ? 'Nuevo contacto' : 'Editar contacto'}
        size="lg"
      >
        {editando !== null && (
          <ContactoForm
            contacto={editando === 'nuevo' ? undefined : editando}
            onCancelar={() => setEditando(null)}
            onGuardar={async (datos) => {
              if (editando === 'nuevo') await crear.mutateAsync(datos);
              else await actualizar.mutateAsync({ contactoId: editando.id, body: datos });
              notificarExito('Contacto guardado.');
              setEditando(null);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}
