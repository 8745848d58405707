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
import { formatearRut } from '@/lib/rut';
import { useActualizarGrupoClientes } from '@/features/grupos-clientes/api/use-actualizar-grupo-clientes';
import { useAgregarMiembrosGrupoClientes } from '@/features/grupos-clientes/api/use-agregar-miembros-grupo-clientes';
import { useGrupoClientes } from '@/features/grupos-clientes/api/use-grupo-clientes';
import { useQuitarMiembroGrupoClientes } from '@/features/grupos-clientes/api/use-quitar-miembro-grupo-clientes';
import { SelectorClientes } from '@/features/grupos-clientes/components/selector-clientes';

export default function GrupoClientesRoute() {
  const { id = '' } = useParams();
  const puedeEditar = usePermiso('editar');
  const grupo = useGrupoClientes(id);
  const renombrar = useActualizarGrupoClientes();
  const agregar = useAgregarMiembrosGrupoClientes(id);
  const quitar = useQuitarMiembroGrupoClientes(id);
  const [agregando, setAgregando] = useState(false);
  const [renombrando, setRenombrando] = useState(false);

  if (grupo.isPending) return <Cargando />;
  if (grupo.isError) return <ErrorConsulta error={grupo.error} />;
  const g = grupo.data;

  return (
    <Pagina
      titulo={g.nombre}
      descripcion={g.descripcion ?? 'Grupo de clientes'}
      acciones={
        <>
          <Button variant="default" component={Link} to="/grupos-clientes">
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
                Agregar clientes
              </Button>
            </>
          )}
        </>
      }
    >
      <Card withBorder p={0}>
        {g.miembros.length === 0 ? (
          <Text c="dimmed" p="md">
            El grupo no tiene clientes.
          </Text>
        ) : (
          <Table aria-label="Miembros del grupo" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>RUT</Table.Th>
                <Table.Th>Razón social</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.miembros.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatearRut(m.rut)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/clientes/${m.id}`}>
                      {m.razonSocial}
                    </Anchor>
                  </Table.Td>
                  {puedeEditar && (
                    <Table.Td align="right">
                      <BotonConfirmar
                        size="xs"
                        variant="subtle"
                        color="red"
                        titulo="Quitar del grupo"
                        mensaje={`¿Quitar a ${m.razonSocial} del grupo?`}
                        confirmar="Quitar"
                        onConfirm={async () => {
                          try {
                            await quitar.mutateAsync(m.id);
                            notificarExito('Cliente quitado del grupo.');
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
        title="Agregar clientes al grupo"
        size="lg"
      >
        <SelectorClientes
          excluir={new Set(g.miembros.map((m) => m.id))}
          ocupado={agregar.isPending}
          onAgregar={async (ids) => {
            try {
              await agregar.mutateAsync(ids);
              notificarExito(`${ids.length} cliente(s) agregado(s).`);
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
