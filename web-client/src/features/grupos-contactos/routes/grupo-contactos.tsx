import { Anchor, Button, Card, Modal, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { GrupoFormModal } from '@/components/grupos/grupo-form-modal';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useActualizarGrupoContactos } from '@/features/grupos-contactos/api/use-actualizar-grupo-contactos';
import { useAgregarMiembrosGrupoContactos } from '@/features/grupos-contactos/api/use-agregar-miembros-grupo-contactos';
import { useGrupoContactos } from '@/features/grupos-contactos/api/use-grupo-contactos';
import { useQuitarMiembroGrupoContactos } from '@/features/grupos-contactos/api/use-quitar-miembro-grupo-contactos';
import { SelectorContactos } from '@/features/grupos-contactos/components/selector-contactos';

export default function GrupoContactosRoute() {
  const { id = '' } = useParams();
  const puedeEditar = usePermiso('editar');
  const grupo = useGrupoContactos(id);
  const renombrar = useActualizarGrupoContactos();
  const agregar = useAgregarMiembrosGrupoContactos(id);
  const quitar = useQuitarMiembroGrupoContactos(id);
  const [agregando, setAgregando] = useState(false);
  const [renombrando, setRenombrando] = useState(false);

  if (grupo.isPending) return <Cargando />;
  if (grupo.isError) return <ErrorConsulta error={grupo.error} />;
  const g = grupo.data;

  return (
    <Pagina
      titulo={g.nombre}
      descripcion={g.descripcion ?? 'Grupo de contactos'}
      acciones={
        <>
          <Button variant="default" component={Link} to="/grupos-contactos">
            Volver
          </Button>
          {puedeEditar && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setRenombrando(true)}
              >
                Renombrar
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAgregando(true)}>
                Agregar contactos
              </Button>
            </>
          )}
        </>
      }
    >
      <Card withBorder p={0}>
        {g.miembros.length === 0 ? (
          <Text c="dimmed" p="md">
            El grupo no tiene contactos.
          </Text>
        ) : (
          <Table aria-label="Miembros del grupo" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nombre</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Cliente</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.miembros.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.nombre}</Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/clientes/${m.clienteId}?tab=contactos`}>
                      {m.razonSocialCliente}
                    </Anchor>
                  </Table.Td>
                  {puedeEditar && (
                    <Table.Td align="right">
                      <BotonConfirmar
                        size="xs"
                        variant="subtle"
                        color="red"
                        titulo="Quitar del grupo"
                        mensaje={`¿Quitar a ${m.nombre} del grupo?`}
                        confirmar="Quitar"
                        onConfirm={async () => {
                          try {
                            await quitar.mutateAsync(m.id);
                            notificarExito('Contacto quitado del grupo.');
                          } catch (e) {
                            notificarError(e);
                            throw e;
                          }
                        }}
                      >
                        Quitar
                      </BotonConfirmar>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Modal
        opened={agregando}
        onClose={() => setAgregando(false)}
        title="Agregar contactos al grupo"
        size="lg"
      >
        <SelectorContactos
          excluir={new Set(g.miembros.map((m) => m.id))}
          ocupado={agregar.isPending}
          onAgregar={async (ids) => {
            try {
              await agregar.mutateAsync(ids);
              notificarExito(`${ids.length} contacto(s) agregado(s).`);
              setAgregando(false);
            } catch (e) {
              notificarError(e);
            }
          }}
        />
      </Modal>
      <GrupoFormModal
        abierto={renombrando}
        titulo="Renombrar grupo"
        inicial={g}
        onCerrar={() => setRenombrando(false)}
        onGuardar={async (body) => {
          await renombrar.mutateAsync({ id, body });
          notificarExito('Grupo actualizado.');
        }}
      />
    </Pagina>
  );
}
