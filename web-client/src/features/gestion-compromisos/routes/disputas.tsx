import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Select,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { useDisputas } from '@/components/gestion/api/use-disputas';
import { useResolverDisputas } from '@/components/gestion/api/use-resolver-disputas';
import { estadosDisputa } from '@/components/gestion/cuotas';
import { EstadoDisputa } from '@/components/gestion/disputas-cliente';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFecha } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

export default function DisputasRoute() {
  const [params, setParams] = useSearchParams();
  const clienteId = params.get('clienteId');
  const estado = params.get('estado');
  const disputas = useDisputas({ clienteId: clienteId ?? undefined, estado: estado ?? undefined });
  const resolver = useResolverDisputas();
  const [elegidas, setElegidas] = useState<string[]>([]);
  const [resolucion, setResolucion] = useState<string | null>('resuelta_cliente');
  const [notas, setNotas] = useState('');
  const cambiar = (clave: string, valor: string | null) => {
    setElegidas([]);
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (valor) q.set(clave, valor);
        else q.delete(clave);
        return q;
      },
      { replace: true },
    );
  };
  const abiertas = (disputas.data ?? []).filter((d) => d.estado === 'abierta' || d.estado === 'en_revision');
  return (
    <Pagina
      titulo="Disputas"
      descripcion="Documentos reclamados por el cliente: salen del escalamiento mientras la disputa está abierta, pero siguen en la antigüedad y los informes."
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectorCliente
            placeholder="Todos (buscar por RUT o nombre)"
            value={clienteId}
            onChange={(id) => cambiar('clienteId', id)}
          />
          <Select
            label="Estado"
            placeholder="Todos"
            clearable
            value={estado}
            onChange={(v) => cambiar('estado', v)}
            data={Object.entries(estadosDisputa).map(([value, e]) => ({ value, label: e.etiqueta }))}
          />
        </SimpleGrid>
      </Card>
      {elegidas.length > 0 && (
        <Card withBorder>
          <form
            aria-label="Resolver disputas elegidas"
            onSubmit={(ev) => {
              ev.preventDefault();
              resolver
                .mutateAsync({ ids: elegidas, estado: resolucion ?? '', notas: notas.trim() || null })
                .then(() => {
                  notificarExito(`${elegidas.length} disputa(s) resuelta(s).`);
                  setElegidas([]);
                  setNotas('');
                })
                .catch((e: unknown) => notificarError(e));
            }}
          >
            <Group align="flex-end">
              <Text>{elegidas.length} elegida(s)</Text>
              <Select
                label="Resolución"
                allowDeselect={false}
                value={resolucion}
                onChange={setResolucion}
                data={['resuelta_cliente', 'resuelta_empresa'].map((v) => ({
                  value: v,
                  label: estadosDisputa[v]!.etiqueta,
                }))}
              />
              <Textarea
                label="Notas"
                autosize
                value={notas}
                onChange={(e) => setNotas(e.currentTarget.value)}
              />
              <Button type="submit" loading={resolver.isPending}>
                Resolver
              </Button>
            </Group>
          </form>
        </Card>
      )}
      {disputas.isPending ? (
        <Cargando />
      ) : disputas.isError ? (
        <ErrorConsulta error={disputas.error} reintentar={() => void disputas.refetch()} />
      ) : disputas.data.length === 0 ? (
        <Text c="dimmed">No hay disputas con estos filtros.</Text>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover aria-label="Disputas">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Checkbox
                      aria-label="Elegir todas las abiertas"
                      checked={abiertas.length > 0 && elegidas.length === abiertas.length}
                      indeterminate={elegidas.length > 0 && elegidas.length < abiertas.length}
                      onChange={(e) => setElegidas(e.currentTarget.checked ? abiertas.map((d) => d.id) : [])}
                    />
                  </Table.Th>
                  <Table.Th>Abierta</Table.Th>
                  <Table.Th>Cliente</Table.Th>
                  <Table.Th>Motivo</Table.Th>
                  <Table.Th>Documentos</Table.Th>
                  <Table.Th>Estado</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {disputas.data.map((d) => {
                  const abierta = d.estado === 'abierta' || d.estado === 'en_revision';
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Elegir disputa ${d.motivo} del ${formatearFecha(d.creada)}`}
                          disabled={!abierta}
                          checked={elegidas.includes(d.id)}
                          onChange={(e) => {
                            const marcada = e.currentTarget.checked;
                            setElegidas((xs) => (marcada ? [...xs, d.id] : xs.filter((x) => x !== d.id)));
                          }}
                        />
                      </Table.Td>
                      <Table.Td>{formatearFecha(d.creada)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/clientes/${d.clienteId}?tab=disputas`}>
                          Ver cliente
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{d.motivo}</Table.Td>
                      <Table.Td>{d.documentoIds.length}</Table.Td>
                      <Table.Td>
                        <EstadoDisputa estado={d.estado} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Pagina>
  );
}
