import { Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { EstadoCredito } from '@/components/ui/etiquetas';
import { estadosCredito } from '@/lib/estados-credito';
import { usePermiso } from '@/lib/auth-contexto';
import { formatearFechaHora } from '@/lib/formato';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import type { Cliente } from '@/features/clientes/api/tipos';
import { useCambiarEstadoCredito } from '@/features/clientes/api/use-cambiar-estado-credito';
import { useHistorialEstadoCredito } from '@/features/clientes/api/use-historial-estado-credito';

export function EstadoCreditoCliente({ cliente }: { cliente: Cliente }) {
  const puedeEditar = usePermiso('editar');
  const historial = useHistorialEstadoCredito(cliente.id);
  const cambiar = useCambiarEstadoCredito(cliente.id);
  const form = useForm({
    initialValues: { estado: '', motivo: '' },
    validate: {
      estado: (v) =>
        !v ? 'Seleccione el nuevo estado.' : v === cliente.estadoCredito ? 'Es el estado actual.' : null,
      motivo: (v) => (v.trim() ? null : 'Indique el motivo del cambio.'),
    },
  });

  return (
    <Stack>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text size="xs" c="dimmed">
              Estado actual
            </Text>
            <EstadoCredito estado={cliente.estadoCredito} />
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Motivo
            </Text>
            <Text size="sm">{cliente.motivoEstado || '—'}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Último cambio
            </Text>
            <Text size="sm">
              {cliente.estadoCambiadoEn
                ? `${formatearFechaHora(cliente.estadoCambiadoEn)} por ${cliente.estadoCambiadoPor ?? '—'}`
                : '—'}
            </Text>
          </div>
        </SimpleGrid>
      </Card>
      {puedeEditar && (
        <Card withBorder>
          <form
            aria-label="Cambiar estado de crédito"
            onSubmit={form.onSubmit(async (v) => {
              try {
                await cambiar.mutateAsync({ estado: v.estado, motivo: v.motivo.trim() });
                notificarExito('Estado de crédito actualizado.');
                form.reset();
              } catch (e) {
                mostrarErrorEnFormulario(form, e);
              }
            })}
          >
            <Stack>
              <Title order={4}>Cambiar estado</Title>
              <Group align="flex-start" grow>
                <Select
                  label="Nuevo estado"
                  data={estadosCredito.filter((e) => e.value !== cliente.estadoCredito)}
                  {...form.getInputProps('estado')}
                />
                <Textarea label="Motivo" autosize minRows={1} {...form.getInputProps('motivo')} />
              </Group>
              <Group justify="flex-end">
                <Button type="submit" loading={cambiar.isPending}>
                  Cambiar estado
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      <Card withBorder p={0}>
        <Title order={4} p="sm">
          Historial
        </Title>
        {historial.isPending ? (
          <Cargando />
        ) : historial.isError ? (
          <ErrorConsulta error={historial.error} />
        ) : historial.data.length === 0 ? (
          <Text c="dimmed" p="md">
            Sin cambios de estado registrados.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label="Historial de estado de crédito" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fecha</Table.Th>
                  <Table.Th>Cambio</Table.Th>
                  <Table.Th>Motivo</Table.Th>
                  <Table.Th>Por</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {historial.data.map((h, i) => (
                  <Table.Tr key={`${h.fecha}-${i}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearFechaHora(h.fecha)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <EstadoCredito estado={h.estadoAnterior} /> → <EstadoCredito estado={h.estadoNuevo} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{h.motivo}</Table.Td>
                    <Table.Td>{h.actor}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
