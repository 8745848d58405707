import { Anchor, Badge, Card, Group, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { formatearMonto } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { useCheques } from '@/features/cartera/api/use-cheques';
import { conCambios } from '@/features/cartera/components/filtros-url';
import { SelectorCliente } from '@/features/cartera/components/selector-cliente';

const estados = [
  { value: 'en_cartera', label: 'En cartera', color: 'blue' },
  { value: 'depositado', label: 'Depositado', color: 'yellow' },
  { value: 'cobrado', label: 'Cobrado', color: 'teal' },
  { value: 'protestado', label: 'Protestado', color: 'red' },
];

export default function ChequesRoute() {
  const [params, setParams] = useSearchParams();
  const texto = (k: string) => params.get(k)?.trim() || undefined;
  const pagina = Math.max(1, Number(params.get('pagina')) || 1);
  const tamanoPagina = 25;
  const filtros = {
    estado: texto('estado'),
    clienteId: texto('clienteId'),
    venceHasta: texto('venceHasta'),
    pagina,
    tamanoPagina,
  };
  const cheques = useCheques(filtros);
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });

  return (
    <Pagina titulo="Cheques" descripcion="Cheques recibidos como pago y su estado">
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <SelectorCliente value={filtros.clienteId ?? null} onChange={(v) => cambiar({ clienteId: v })} />
          <Select
            label="Estado"
            clearable
            placeholder="Todos"
            data={estados}
            value={filtros.estado ?? null}
            onChange={(v) => cambiar({ estado: v })}
          />
          <DateInput
            label="Fecha del cheque hasta"
            valueFormat="DD-MM-YYYY"
            placeholder="dd-mm-aaaa"
            clearable
            value={filtros.venceHasta ?? null}
            onChange={(v) => cambiar({ venceHasta: v })}
          />
        </SimpleGrid>
      </Card>
      {cheques.isPending ? (
        <Cargando />
      ) : cheques.isError ? (
        <ErrorConsulta error={cheques.error} reintentar={() => void cheques.refetch()} />
      ) : (
        <Card withBorder p={0}>
          {cheques.data.items.length === 0 ? (
            <Text c="dimmed" p="lg" ta="center">
              No hay cheques que coincidan con los filtros.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover aria-label="Cheques">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Recibido</Table.Th>
                    <Table.Th>Fecha del cheque</Table.Th>
                    <Table.Th>Cliente</Table.Th>
                    <Table.Th>Referencia</Table.Th>
                    <Table.Th ta="right">Monto</Table.Th>
                    <Table.Th>Estado</Table.Th>
                    <Table.Th>Detalle</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cheques.data.items.map((c) => {
                    const e = estados.find((x) => x.value === c.estado);
                    return (
                      <Table.Tr key={c.pagoId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/cartera/pagos/${c.pagoId}`}>
                            {formatearFecha(c.fecha)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{formatearFecha(c.fechaCheque)}</Table.Td>
                        <Table.Td>
                          {c.cliente.razonSocial}
                          <Text size="xs" c="dimmed">
                            {formatearRut(c.cliente.rut)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{c.referencia}</Table.Td>
                        <Table.Td ta="right">{formatearMonto(c.monto, c.moneda)}</Table.Td>
                        <Table.Td>
                          <Badge color={e?.color ?? 'gray'} variant="light">
                            {e?.label ?? c.estado}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {c.fechaDeposito && `Depositado ${formatearFecha(c.fechaDeposito)}`}
                            {c.cuentaDeposito && ` en ${c.cuentaDeposito}`}
                            {c.fechaCobro && ` · Cobrado ${formatearFecha(c.fechaCobro)}`}
                            {c.fechaProtesto &&
                              ` · Protestado ${formatearFecha(c.fechaProtesto)}: ${c.motivoProtesto ?? ''}${
                                c.costoProtesto !== null
                                  ? ` (costo ${formatearMonto(c.costoProtesto, 'CLP')})`
                                  : ''
                              }`}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group p="sm">
            <div style={{ flex: 1 }}>
              <Paginacion
                total={cheques.data.total}
                pagina={pagina}
                tamano={tamanoPagina}
                onPagina={(p) => cambiar({ pagina: p })}
              />
            </div>
          </Group>
        </Card>
      )}
    </Pagina>
  );
}
