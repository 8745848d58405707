import { ActionIcon, Badge, Button, Card, Group, Modal, Switch, Table, Tooltip } from '@mantine/core';
import { IconBan, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useTiposActividad } from '@/components/gestion/api/use-tipos-actividad';
import { etiquetasCanal } from '@/components/gestion/registrar-actividad-logica';
import { usePermiso } from '@/lib/auth-contexto';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useDesactivarTipoActividad } from '@/features/gestion-actividades/api/use-desactivar-tipo-actividad';
import { useGuardarTipoActividad } from '@/features/gestion-actividades/api/use-guardar-tipo-actividad';
import { tiposDeActividad } from '@/features/gestion-actividades/components/opciones-tipo-actividad';
import {
  TipoActividadForm,
  type TipoActividad,
} from '@/features/gestion-actividades/components/tipo-actividad-form';

export default function TiposActividadRoute() {
  const puedeEditar = usePermiso('supervisar');
  const [inactivos, setInactivos] = useState(false);
  const tipos = useTiposActividad(inactivos);
  const guardar = useGuardarTipoActividad();
  const desactivar = useDesactivarTipoActividad();
  const [editando, setEditando] = useState<TipoActividad | 'nuevo' | null>(null);

  return (
    <Pagina
      titulo="Tipos de actividad"
      descripcion="Las gestiones que registran los cobradores; el canal decide qué límite de contacto cuenta"
      acciones={
        <Group>
          <Switch
            label="Ver desactivados"
            checked={inactivos}
            onChange={(e) => setInactivos(e.currentTarget.checked)}
          />
          {puedeEditar && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nuevo')}>
              Nuevo tipo
            </Button>
          )}
        </Group>
      }
    >
      {tipos.isPending ? (
        <Cargando />
      ) : tipos.isError ? (
        <ErrorConsulta error={tipos.error} />
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Tipos de actividad" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nombre</Table.Th>
                <Table.Th>Tipo</Table.Th>
                <Table.Th>Canal</Table.Th>
                <Table.Th>Descripción</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tipos.data.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td fw={500}>
                    {t.nombre}{' '}
                    {!t.activo && (
                      <Badge color="gray" variant="light">
                        Desactivado
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{tiposDeActividad.find((x) => x.value === t.tipo)?.label ?? t.tipo}</Table.Td>
                  <Table.Td>{etiquetasCanal[t.canal] ?? t.canal}</Table.Td>
                  <Table.Td>{t.descripcion}</Table.Td>
                  {puedeEditar && (
                    <Table.Td align="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Editar">
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Editar ${t.nombre}`}
                            onClick={() => setEditando(t)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {t.activo && (
                          <Tooltip label="Desactivar">
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Desactivar ${t.nombre}`}
                              onClick={() =>
                                desactivar.mutate(t.id, {
                                  onSuccess: () => notificarExito(`«${t.nombre}» desactivado.`),
                                  onError: (e) => notificarError(e),
                                })
                              }
                            >
                              <IconBan size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal
        opened={editando !== null}
        onClose={() => setEditando(null)}
        title={editando === 'nuevo' ? 'Nuevo tipo de actividad' : 'Editar tipo de actividad'}
      >
        {editando !== null && (
          <TipoActividadForm
            tipo={editando === 'nuevo' ? undefined : editando}
            onCancelar={() => setEditando(null)}
            onGuardar={async (body) => {
              await guardar.mutateAsync({ id: editando === 'nuevo' ? undefined : editando.id, body });
              notificarExito('Tipo de actividad guardado.');
              setEditando(null);
            }}
          />
        )}
      </Modal>
    </Pagina>
  );
}
