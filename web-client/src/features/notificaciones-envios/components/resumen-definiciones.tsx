import { Card, Table, Text } from '@mantine/core';
import { useResumenEnvios } from '@/features/notificaciones-envios/api/use-resumen-envios';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { formatearFecha, formatearNumero } from '@/lib/formato';

const porcentaje = (parte: number, total: number) =>
  total > 0 ? ` (${Math.round((parte * 100) / total)} %)` : '';

/** Per-definition figures of the range: sent, failed, bounced, opened, clicked and replied. */
export function ResumenDefiniciones({ desde, hasta }: { desde?: string; hasta?: string }) {
  const resumen = useResumenEnvios(desde, hasta);
  if (resumen.isPending) return <Cargando />;
  if (resumen.isError)
    return <ErrorConsulta error={resumen.error} reintentar={() => void resumen.refetch()} />;
  const filas = resumen.data.definiciones;
  return (
    <Card withBorder p={0}>
      <Text size="sm" c="gray.7" p="sm">
        Del {formatearFecha(resumen.data.desde)} al {formatearFecha(resumen.data.hasta)}
      </Text>
      {filas.length === 0 ? (
        <Text size="sm" c="gray.7" px="sm" pb="sm">
          No hubo envíos en este rango.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Cifras por definición">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Definición</Table.Th>
                <Table.Th ta="right">Enviados</Table.Th>
                <Table.Th ta="right">Fallidos</Table.Th>
                <Table.Th ta="right">Rebotados</Table.Th>
                <Table.Th ta="right">Abiertos</Table.Th>
                <Table.Th ta="right">Clics</Table.Th>
                <Table.Th ta="right">Respondidos</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {filas.map((f) => (
                <Table.Tr key={f.definicionId ?? 'sin-definicion'}>
                  <Table.Td>{f.definicion}</Table.Td>
                  <Table.Td ta="right">{formatearNumero(f.enviados)}</Table.Td>
                  <Table.Td ta="right">{formatearNumero(f.fallidos)}</Table.Td>
                  <Table.Td ta="right">{formatearNumero(f.rebotados)}</Table.Td>
                  <Table.Td ta="right">
                    {formatearNumero(f.abiertos)}
                    {porcentaje(Number(f.abiertos), Number(f.enviados))}
                  </Table.Td>
                  <Table.Td ta="right">{formatearNumero(f.clics)}</Table.Td>
                  <Table.Td ta="right">{formatearNumero(f.respondidos)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
