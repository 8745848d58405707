import { Badge, Button, Card, Group, Modal, Select, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useCambiarRolUsuario } from '@/features/usuarios/api/use-cambiar-rol-usuario';
import { useDesactivarUsuario } from '@/features/usuarios/api/use-desactivar-usuario';
import { useReactivarUsuario } from '@/features/usuarios/api/use-reactivar-usuario';
import { useUsuarios } from '@/features/usuarios/api/use-usuarios';
import { InvitarUsuarioForm } from '@/features/usuarios/components/invitar-usuario-form';
import { roles } from '@/features/usuarios/components/roles';

export default function UsuariosRoute() {
  const { sesion } = useAuth();
  const usuarios = useUsuarios();
  const cambiarRol = useCambiarRolUsuario();
  const desactivar = useDesactivarUsuario();
  const reactivar = useReactivarUsuario();
  const [invitando, setInvitando] = useState(false);
  const yo = sesion?.usuario?.id;

  return (
    <Pagina
      titulo="Usuarios"
      descripcion={`Usuarios con acceso a ${sesion?.empresa.razonSocial ?? 'la empresa'} y sus roles`}
      acciones={
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInvitando(true)}>
          Invitar usuario
        </Button>
      }
    >
      {usuarios.isPending ? (
        <Cargando />
      ) : usuarios.isError ? (
        <ErrorConsulta error={usuarios.error} />
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Usuarios" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nombre</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Rol</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {usuarios.data.map((u) => (
                  <Table.Tr key={u.id} data-testid={`usuario-${u.email}`}>
                    <Table.Td>
                      {u.nombre}
                      {u.id === yo && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (usted)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Rol de ${u.email}`}
                        data={roles.map((r) => r.value)}
                        value={u.rol}
                        allowDeselect={false}
                        disabled={u.id === yo || !u.activo || cambiarRol.isPending}
                        w={170}
                        size="xs"
                        onChange={async (rol) => {
                          if (!rol || rol === u.rol) return;
                          try {
                            await cambiarRol.mutateAsync({ id: u.id, rol });
                            notificarExito(`${u.nombre} ahora es ${rol}.`);
                          } catch (e) {
                            notificarError(e, 'No se pudo cambiar el rol');
                          }
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {/* One state: an invited user is not active until the invitation is accepted. */}
                        {!u.activo ? (
                          <Badge color="gray" variant="light">
                            Desactivado
                          </Badge>
                        ) : u.invitacionPendiente ? (
                          <Badge color="yellow" variant="light">
                            Invitación pendiente
                          </Badge>
                        ) : (
                          <Badge color="teal" variant="light">
                            Activo
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td align="right">
                      {u.id !== yo &&
                        (u.activo ? (
                          <BotonConfirmar
                            size="xs"
                            variant="light"
                            color="red"
                            titulo="Desactivar usuario"
                            mensaje={`${u.nombre} perderá el acceso a esta empresa y se cerrarán sus sesiones.`}
                            confirmar="Desactivar"
                            onConfirm={async () => {
                              try {
                                await desactivar.mutateAsync(u.id);
                                notificarExito('Usuario desactivado.');
                              } catch (e) {
                                notificarError(e);
                                throw e;
                              }
                            }}
                          >
                            Desactivar
                          </BotonConfirmar>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            loading={reactivar.isPending && reactivar.variables === u.id}
                            onClick={async () => {
                              try {
                                await reactivar.mutateAsync(u.id);
                                notificarExito('Usuario reactivado.');
                              } catch (e) {
                                notificarError(e);
                              }
                            }}
                          >
                            Reactivar
                          </Button>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal opened={invitando} onClose={() => setInvitando(false)} title="Invitar usuario">
        {invitando && <InvitarUsuarioForm onListo={() => setInvitando(false)} />}
      </Modal>
    </Pagina>
  );
}
