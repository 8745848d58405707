import { Badge, Card, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';

const nombresBase: Record<string, string> = {
  'historial del cliente': 'Historial del cliente',
  segmento: 'Segmento',
  empresa: 'Empresa',
  compromiso: 'Compromiso',
};

/** The predicted payment date of each open document of a client (the forecast's per-document prediction). */
export function PrediccionCliente({ clienteId }: { clienteId: string }) {
  const q = useQuery({
    queryKey: [...claves.cartera.todo, 'prediccion-cliente', clienteId],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/reportes/prediccion', {
          params: { query: { clienteId, tamanoPagina: 50 } },
          signal,
        }),
      ),
  });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Fecha prevista de pago{' '}
        <Tooltip label={q.data.metodo} multiline w={320} withArrow>
          <Text span c="dimmed" size="sm" aria-label={q.data.metodo}>
            ⓘ
          </Text>
        </Tooltip>
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Fecha prevista de pago de los documentos abiertos">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Documento</Table.Th>
              <Table.Th>Vencimiento</Table.Th>
              <Table.Th ta="right">Saldo</Table.Th>
              <Table.Th>Fecha prevista</Table.Th>
              <Table.Th>Base</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.items.map((p) => (
              <Table.Tr key={`${p.documentoId}-${p.cuota}`}>
                <Table.Td>
                  <Link to={`/cartera/documentos/${p.documentoId}`}>
                    {nombreTipoDocumento(p.tipo)} {p.folio}
                  </Link>
                </Table.Td>
                <Table.Td>{formatearFecha(p.fechaVencimiento)}</Table.Td>
                <Table.Td ta="right">{formatearMonto(p.saldo, 'CLP')}</Table.Td>
                <Table.Td data-testid="fecha-prevista">{formatearFecha(p.fechaPrevista)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={p.base === 'compromiso' ? 'green' : 'blue'}>
                    {nombresBase[p.base] ?? p.base}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
