import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EstadoDocumento } from '@/components/ui/etiquetas';
import { formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { aNumero, formatearFecha } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import type { DocumentoResumen } from '@/api/tipos-cartera';

export function TablaDocumentos({ documentos }: { documentos: DocumentoResumen[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Documentos">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Documento</Table.Th>
            <Table.Th>Cliente</Table.Th>
            <Table.Th>Emisión</Table.Th>
            <Table.Th>Vencimiento</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th ta="right">Saldo</Table.Th>
            <Table.Th>Estado</Table.Th>
            <Table.Th ta="right">Días vencido</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documentos.map((d) => {
            const dias = aNumero(d.diasVencido) ?? 0;
            return (
              <Table.Tr key={d.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/cartera/documentos/${d.id}`}>
                    {nombreTipoDocumento(d.tipo)} N° {d.folio}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/clientes/${d.cliente.id}?tab=cartera`} size="sm">
                    {d.cliente.razonSocial}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatearRut(d.cliente.rut)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearFecha(d.fechaEmision)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearFecha(d.fechaVencimiento)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatearMonto(d.total, d.moneda)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={500}>
                  {formatearMonto(d.saldo, d.moneda)}
                </Table.Td>
                <Table.Td>
                  <EstadoDocumento estado={d.estado} />
                </Table.Td>
                <Table.Td ta="right" c={dias > 0 ? 'red' : undefined}>
                  {dias > 0 ? dias : '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
