import { Anchor, Card, SimpleGrid, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import { useCompensaciones } from '@/features/compensaciones/api/use-compensaciones';
import { EstadoCompensacion } from '@/features/compensaciones/components/estado-compensacion';
import { SelectorCliente } from '@/components/clientes/selector-cliente';

export default function CompensacionesRoute() {
  const [params, setParams] = useSearchParams();
  const clienteId = params.get('clienteId');
  const pagina = Math.max(1, Number(params.get('pagina')) || 1);
  const tamanoPagina = 25;
  const compensaciones = useCompensaciones({ clienteId: clienteId ?? undefined, pagina, tamanoPagina });
  const cambiar = (cambios: Record<string, string | null>) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        for (const [k, v] of Object.entries(cambios))
          if (v) q.set(k, v);
          else q.delete(k);
        if (!('pagina' in cambios)) q.delete('pagina');
        return q;
      },
      { replace: true },
    );

  return (
    <Pagina
      titulo="Compensaciones"
      descripcion="Notas de crédito compensadas con documentos del mismo cliente. Se compensa desde el detalle de una nota de crédito con saldo."
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectorCliente
            placeholder="Todos (buscar por RUT o nombre)"
            value={clienteId}
            onChange={(id) => cambiar({ clienteId: id })}
          />
        </SimpleGrid>
      </Card>
      {compensaciones.isPending ? (
        <Cargando />
      ) : compensaciones.isError ? (
        <ErrorConsulta error={compensaciones.error} reintentar={() => void compensaciones.refetch()} />
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover aria-label="Compensaciones">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fecha</Table.Th>
                  <Table.Th>Cliente</Table.Th>
                  <Table.Th>Nota de crédito</Table.Th>
                  <Table.Th>Documentos</Table.Th>
                  <Table.Th ta="right">Monto</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {compensaciones.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" size="sm">
                        Sin compensaciones.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {compensaciones.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearFecha(c.fecha)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/clientes/${c.cliente.id}?tab=cartera`} size="sm">
                        {c.cliente.razonSocial}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cartera/documentos/${c.notaCredito.id}`} size="sm">
                        {nombreTipoDocumento(c.notaCredito.tipo)} N° {c.notaCredito.folio}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {c.lineas.map((l) => `${nombreTipoDocumento(l.tipo)} N° ${l.folio}`).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatearMonto(c.monto, c.moneda)}
                    </Table.Td>
                    <Table.Td>
                      <EstadoCompensacion vigente={c.vigente} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cartera/compensaciones/${c.id}`} size="sm">
                        Ver
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <div style={{ padding: 'var(--mantine-spacing-sm)' }}>
            <Paginacion
              total={compensaciones.data.total}
              pagina={pagina}
              tamano={tamanoPagina}
              onPagina={(p) => cambiar({ pagina: String(p) })}
            />
          </div>
        </Card>
      )}
    </Pagina>
  );
}
