import { Anchor, Button, Card, Checkbox, Group, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCash } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { useAuth } from '@/lib/auth-contexto';
import { canalesPago, formatearMonto, nombreCanal } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { usePagos } from '@/features/pagos/api/use-pagos';
import { filtrosPagosDesdeUrl, ordenesPagos } from '@/features/pagos/components/filtros-url';
import { conCambios } from '@/lib/filtros-url';
import { SelectorCliente } from '@/components/clientes/selector-cliente';

export default function PagosRoute() {
  const { tiene } = useAuth();
  const [params, setParams] = useSearchParams();
  const filtros = filtrosPagosDesdeUrl(params);
  const pagos = usePagos(filtros);
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });

  return (
    <Pagina
      titulo="Pagos"
      descripcion="Pagos recibidos y su aplicación"
      acciones={
        tiene('editar') && (
          <Button component={Link} to="/cartera/pagos/nuevo" leftSection={<IconCash size={16} />}>
            Registrar pago
          </Button>
        )
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <SelectorCliente value={filtros.clienteId ?? null} onChange={(v) => cambiar({ clienteId: v })} />
          <Select
            label="Canal"
            clearable
            placeholder="Todos"
            data={canalesPago}
            value={filtros.canal ?? null}
            onChange={(v) => cambiar({ canal: v })}
          />
          <Select
            label="Orden"
            data={ordenesPagos}
            allowDeselect={false}
            value={filtros.orden}
            onChange={(v) => cambiar({ orden: v })}
          />
          <DateInput
            label="Desde"
            valueFormat="DD-MM-YYYY"
            placeholder="dd-mm-aaaa"
            clearable
            value={filtros.desde ?? null}
            onChange={(v) => cambiar({ desde: v })}
          />
          <DateInput
            label="Hasta"
            valueFormat="DD-MM-YYYY"
            placeholder="dd-mm-aaaa"
            clearable
            value={filtros.hasta ?? null}
            onChange={(v) => cambiar({ hasta: v })}
          />
          <Checkbox
            mt={28}
            label="Solo con saldo a favor"
            checked={filtros.conSaldoAFavor === true}
            onChange={(e) => cambiar({ conSaldoAFavor: e.currentTarget.checked ? true : null })}
          />
        </SimpleGrid>
      </Card>
      {pagos.isPending ? (
        <Cargando />
      ) : pagos.isError ? (
        <ErrorConsulta error={pagos.error} reintentar={() => void pagos.refetch()} />
      ) : (
        <Card withBorder p={0}>
          {pagos.data.items.length === 0 ? (
            <Text c="dimmed" p="lg" ta="center">
              No hay pagos que coincidan con los filtros.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover aria-label="Pagos">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Fecha</Table.Th>
                    <Table.Th>Cliente</Table.Th>
                    <Table.Th>Canal</Table.Th>
                    <Table.Th>Referencia</Table.Th>
                    <Table.Th ta="right">Monto</Table.Th>
                    <Table.Th ta="right">Aplicado</Table.Th>
                    <Table.Th ta="right">Saldo a favor</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pagos.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/cartera/pagos/${p.id}`}>
                          {formatearFecha(p.fecha)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {p.cliente.razonSocial}
                        <Text size="xs" c="dimmed">
                          {formatearRut(p.cliente.rut)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{nombreCanal(p.canal)}</Table.Td>
                      <Table.Td>{p.referencia}</Table.Td>
                      <Table.Td ta="right">{formatearMonto(p.monto, p.moneda)}</Table.Td>
                      <Table.Td ta="right">{formatearMonto(p.aplicado, p.moneda)}</Table.Td>
                      <Table.Td ta="right" c={(aNumero(p.saldoAFavor) ?? 0) > 0 ? 'teal' : undefined}>
                        {formatearMonto(p.saldoAFavor, p.moneda)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group p="sm">
            <div style={{ flex: 1 }}>
              <Paginacion
                total={pagos.data.total}
                pagina={filtros.pagina}
                tamano={filtros.tamanoPagina}
                onPagina={(p) => cambiar({ pagina: p })}
                onTamano={(t) => cambiar({ tamanoPagina: t })}
              />
            </div>
          </Group>
        </Card>
      )}
    </Pagina>
  );
}
