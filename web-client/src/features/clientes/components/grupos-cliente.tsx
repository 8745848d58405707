import { Anchor, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { usePermiso } from '@/lib/auth-contexto';
import { notificarError, notificarExito } from '@/lib/notificar';
import type { Cliente } from '@/features/clientes/api/tipos';
import { useAgregarAGrupo } from '@/features/clientes/api/use-agregar-a-grupo';
import { useGruposClientes } from '@/api/hooks/use-grupos-clientes';
import { useQuitarDeGrupo } from '@/features/clientes/api/use-quitar-de-grupo';

export function GruposCliente({ cliente }: { cliente: Cliente }) {
  const puedeEditar = usePermiso('editar');
  const grupos = useGruposClientes();
  const agregar = useAgregarAGrupo(cliente.id);
  const quitar = useQuitarDeGrupo(cliente.id);
  const [grupoId, setGrupoId] = useState<string | null>(null);
  const propios = new Set(cliente.grupos.map((g) => g.id));
  const disponibles = (grupos.data ?? []).filter((g) => !propios.has(g.id));

  return (
    <Card withBorder>
      <Stack>
        {puedeEditar && (
          <Group align="flex-end">
            <Select
              label="Agregar a grupo"
              placeholder={disponibles.length ? 'Seleccione un grupo' : 'No hay otros grupos'}
              data={disponibles.map((g) => ({ value: g.id, label: g.nombre }))}
              value={grupoId}
              onChange={setGrupoId}
              searchable
              w={300}
            />
            <Button
              disabled={!grupoId}
              loading={agregar.isPending}
              onClick={async () => {
                if (!grupoId) return;
                try {
                  await agregar.mutateAsync(grupoId);
                  setGrupoId(null);
                  notificarExito('Cliente agregado al grupo.');
                } catch (e) {
                  notificarError(e);
                }
              }}
            >
              Agregar
            </Button>
          </Group>
        )}
        {cliente.grupos.length === 0 ? (
          <Text c="dimmed">El cliente no pertenece a ningún grupo.</Text>
        ) : (
          <Table aria-label="Grupos del cliente">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Grupo</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cliente.grupos.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/grupos-clientes/${g.id}`}>
                      {g.nombre}
                    </Anchor>
                  </Table.Td>
                  {puedeEditar && (
                    <Table.Td align="right">
                      <BotonConfirmar
                        size="xs"
                        variant="subtle"
                        color="red"
                        titulo="Quitar del grupo"
                        mensaje={`¿Quitar al cliente del grupo ${g.nombre}?`}
                        confirmar="Quitar"
                        onConfirm={async () => {
                          try {
                            await quitar.mutateAsync(g.id);
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
      </Stack>
    </Card>
  );
}
