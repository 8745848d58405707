import { ActionIcon, Anchor, Button, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { GrupoFormModal, type DatosGrupoForm } from '@/features/grupos/components/grupo-form-modal';
import { usePermiso } from '@/lib/auth-contexto';
import { aNumero } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

export interface GrupoResumen {
  id: string;
  nombre: string;
  descripcion?: string | null;
  cantidadMiembros: number | string;
}

/** List screen shared by client groups and contact groups (create, rename, delete). */
export function ListaGrupos({
  titulo,
  descripcion,
  rutaBase,
  unidad,
  consulta,
  onCrear,
  onRenombrar,
  onEliminar,
}: {
  titulo: string;
  descripcion: string;
  rutaBase: string;
  unidad: string;
  consulta: { isPending: boolean; isError: boolean; error: unknown; data: GrupoResumen[] | undefined };
  onCrear: (datos: DatosGrupoForm) => Promise<{ id: string }>;
  onRenombrar: (id: string, datos: DatosGrupoForm) => Promise<unknown>;
  onEliminar: (id: string) => Promise<unknown>;
}) {
  const puedeEditar = usePermiso('editar');
  const [editando, setEditando] = useState<GrupoResumen | 'nuevo' | null>(null);
  return (
    <Pagina
      titulo={titulo}
      descripcion={descripcion}
      acciones={
        puedeEditar && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nuevo')}>
            Nuevo grupo
          </Button>
        )
      }
    >
      {consulta.isPending ? (
        <Cargando />
      ) : consulta.isError || !consulta.data ? (
        <ErrorConsulta error={consulta.error} />
      ) : consulta.data.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">Aún no hay grupos.</Text>
        </Card>
      ) : (
        <Card withBorder p={0}>
          <Table aria-label={titulo} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nombre</Table.Th>
                <Table.Th>Descripción</Table.Th>
                <Table.Th ta="right">{unidad}</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consulta.data.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${rutaBase}/${g.id}`}>
                      {g.nombre}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{g.descripcion}</Table.Td>
                  <Table.Td ta="right">{aNumero(g.cantidadMiembros)}</Table.Td>
                  {puedeEditar && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Renombrar">
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Renombrar ${g.nombre}`}
                            onClick={() => setEditando(g)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <BotonConfirmar
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Eliminar ${g.nombre}`}
                          titulo="Eliminar grupo"
                          mensaje={`¿Eliminar el grupo ${g.nombre}? Sus miembros no se eliminan.`}
                          confirmar="Eliminar"
                          onConfirm={async () => {
                            try {
                              await onEliminar(g.id);
                              notificarExito('Grupo eliminado.');
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
        </Card>
      )}
      <GrupoFormModal
        abierto={editando !== null}
        titulo={editando === 'nuevo' ? 'Nuevo grupo' : 'Renombrar grupo'}
        inicial={editando && editando !== 'nuevo' ? editando : undefined}
        onCerrar={() => setEditando(null)}
        onGuardar={async (datos) => {
          if (editando === 'nuevo') await onCrear(datos);
          else if (editando) await onRenombrar(editando.id, datos);
          notificarExito('Grupo guardado.');
        }}
      />
    </Pagina>
  );
}
