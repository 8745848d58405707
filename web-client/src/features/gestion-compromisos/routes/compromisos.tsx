import { Anchor, Card, SimpleGrid, Select, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { useCompromisos } from '@/components/gestion/api/use-compromisos';
import { EstadoCompromiso } from '@/components/gestion/compromisos-cliente';
import { estadosCompromiso } from '@/components/gestion/cuotas';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFecha, formatearPesos } from '@/lib/formato';

export default function CompromisosRoute() {
  const [params, setParams] = useSearchParams();
  const clienteId = params.get('clienteId');
  const estado = params.get('estado');
  const compromisos = useCompromisos({ clienteId: clienteId ?? undefined, estado: estado ?? undefined });
  const cambiar = (clave: string, valor: string | null) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (valor) q.set(clave, valor);
        else q.delete(clave);
        return q;
      },
      { replace: true },
    );
  return (
    <Pagina
      titulo="Compromisos de pago"
      descripcion="Se cumplen con los pagos reales aplicados a tiempo (fecha prometida más los días de gracia); se toman desde la ficha del cliente."
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
            data={Object.entries(estadosCompromiso).map(([value, e]) => ({ value, label: e.etiqueta }))}
          />
        </SimpleGrid>
      </Card>
      {compromisos.isPending ? (
        <Cargando />
      ) : compromisos.isError ? (
        <ErrorConsulta error={compromisos.error} reintentar={() => void compromisos.refetch()} />
      ) : compromisos.data.length === 0 ? (
        <Text c="dimmed">No hay compromisos con estos filtros.</Text>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover aria-label="Compromisos de pago">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tomado</Table.Th>
                  <Table.Th>Cliente</Table.Th>
                  <Table.Th>Cuotas</Table.Th>
                  <Table.Th ta="right">Prometido</Table.Th>
                  <Table.Th ta="right">Pagado</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th>Versión</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {compromisos.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatearFecha(c.creado)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/clientes/${c.clienteId}?tab=compromisos`}>
                        Ver cliente
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.cuotas.map((q) => formatearFecha(q.fecha)).join(', ')}</Table.Td>
                    <Table.Td ta="right">{formatearPesos(c.monto)}</Table.Td>
                    <Table.Td ta="right">{formatearPesos(c.montoCumplido)}</Table.Td>
                    <Table.Td>
                      <EstadoCompromiso estado={c.estado} />
                    </Table.Td>
                    <Table.Td>{c.version}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Pagina>
  );
}
