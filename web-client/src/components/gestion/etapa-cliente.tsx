import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '@/api/client';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { useAuth } from '@/lib/auth-contexto';
import { colorEtapa, etapasCobranza, etiquetaEtapa } from '@/lib/etapas-cobranza';
import { formatearFecha } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

const claveEtapa = (clienteId: string) => ['gestion', 'etapa', clienteId] as const;
const clavePasos = (clienteId: string) => ['gestion', 'etapa', clienteId, 'pasos'] as const;

/** The client's collection stage as a badge (for headers). */
export function EtapaClienteBadge({ clienteId }: { clienteId: string }) {
  const etapa = useQuery({
    queryKey: claveEtapa(clienteId),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/clientes/{clienteId}/etapa', { params: { path: { clienteId } }, signal })),
  });
  if (!etapa.data?.etapa) return null;
  return (
    <Badge color={colorEtapa(etapa.data.etapa)} variant="light" data-testid="etapa-cliente">
      Etapa {etiquetaEtapa(etapa.data.etapa).toLowerCase()}
    </Badge>
  );
}

function CambiarEtapa({ clienteId, actual }: { clienteId: string; actual: string | null | undefined }) {
  const qc = useQueryClient();
  const [abierto, setAbierto] = useState(false);
  const [etapa, setEtapa] = useState<string | null>(actual ?? null);
  const [motivo, setMotivo] = useState('');
  const cambiar = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/gestion/clientes/{clienteId}/etapa', {
          params: { path: { clienteId } },
          body: { etapa: etapa ?? '', motivo },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveEtapa(clienteId) }),
  });
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setAbierto(true)}>
        Cambiar etapa
      </Button>
      <Modal opened={abierto} onClose={() => setAbierto(false)} title="Cambiar etapa de cobranza">
        <Stack>
          <Select
            label="Etapa"
            data={etapasCobranza.map((e) => ({ value: e.value, label: e.label }))}
            value={etapa}
            onChange={setEtapa}
            allowDeselect={false}
          />
          <Textarea
            label="Motivo"
            required
            value={motivo}
            onChange={(e) => setMotivo(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              disabled={!etapa || !motivo.trim()}
              loading={cambiar.isPending}
              onClick={async () => {
                try {
                  await cambiar.mutateAsync();
                  notificarExito('Etapa cambiada.');
                  setAbierto(false);
                  setMotivo('');
                } catch (e) {
                  notificarError(e);
                }
              }}
            >
              Guardar
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The client's stage in the collection process and the escalation steps applied to it, newest first. */
export function EtapaCliente({ clienteId }: { clienteId: string }) {
  const { tiene } = useAuth();
  const etapa = useQuery({
    queryKey: claveEtapa(clienteId),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/clientes/{clienteId}/etapa', { params: { path: { clienteId } }, signal })),
  });
  const pasos = useQuery({
    queryKey: clavePasos(clienteId),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/clientes/{clienteId}/pasos', { params: { path: { clienteId } }, signal })),
  });
  if (etapa.isPending || pasos.isPending) return <Cargando />;
  if (etapa.isError) return <ErrorConsulta error={etapa.error} reintentar={() => void etapa.refetch()} />;
  if (pasos.isError) return <ErrorConsulta error={pasos.error} reintentar={() => void pasos.refetch()} />;
  const e = etapa.data;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={4}>Etapa de cobranza</Title>
          <Badge color={colorEtapa(e.etapa)} variant="light" size="lg">
            {etiquetaEtapa(e.etapa)}
          </Badge>
          {e.desde && (
            <Text size="sm" c="dimmed">
              desde {formatearFecha(e.desde)}
            </Text>
          )}
        </Group>
        {tiene('supervisar') && <CambiarEtapa key={e.etapa ?? ''} clienteId={clienteId} actual={e.etapa} />}
      </Group>
      {e.ultimoPaso && (
        <Text size="sm" mb="sm">
          Último paso: {e.ultimoPaso} ({formatearFecha(e.fechaUltimoPaso)})
        </Text>
      )}
      {pasos.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          La política de cobranza aún no ha aplicado pasos a este cliente.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label="Pasos de cobranza aplicados">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fecha</Table.Th>
                <Table.Th>Paso</Table.Th>
                <Table.Th>Etapa</Table.Th>
                <Table.Th>Detalle</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pasos.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{formatearFecha(p.fecha)}</Table.Td>
                  <Table.Td>{p.nombre}</Table.Td>
                  <Table.Td>{etiquetaEtapa(p.etapa)}</Table.Td>
                  <Table.Td>{p.motivo ?? p.detalle ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
