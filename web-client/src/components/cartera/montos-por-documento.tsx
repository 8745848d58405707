import { NumberInput, Table, type NumberInputProps } from '@mantine/core';
import { decimalesMoneda, formatearMonto, nombreTipoDocumento } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';

interface DocumentoAbierto {
  id: string;
  tipo: string;
  folio: number | string;
  fechaVencimiento: string;
  saldo: number | string;
  moneda: string;
}

/** Open documents with an amount field each (manual application of a payment or a credit note). */
export function MontosPorDocumento<T extends DocumentoAbierto>({
  etiqueta,
  columna,
  accion,
  documentos,
  anchoMonto,
  monto,
  saldo = { titulo: 'Saldo', valor: (d) => d.saldo },
}: {
  etiqueta: string;
  /** Header of the amount column ("Aplicar", "Compensar"). */
  columna: string;
  /** Start of each field's accessible name ("Aplicar a Factura N° 12"). */
  accion: string;
  documentos: T[];
  anchoMonto: number;
  /** The amount field's value, change handler and error for one document. */
  monto: (d: T) => NumberInputProps;
  /** The reference amount shown beside each document (default its balance). */
  saldo?: { titulo: string; valor: (d: T) => number | string };
}) {
  return (
    <Table aria-label={etiqueta}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Documento</Table.Th>
          <Table.Th>Vence</Table.Th>
          <Table.Th ta="right">{saldo.titulo}</Table.Th>
          <Table.Th>{columna}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {documentos.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              {nombreTipoDocumento(d.tipo)} N° {d.folio}
            </Table.Td>
            <Table.Td>{formatearFecha(d.fechaVencimiento)}</Table.Td>
            <Table.Td ta="right">{formatearMonto(saldo.valor(d), d.moneda)}</Table.Td>
            <Table.Td w={anchoMonto}>
              <NumberInput
                size="xs"
                aria-label={`${accion} ${nombreTipoDocumento(d.tipo)} N° ${d.folio}`}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                decimalScale={decimalesMoneda(d.moneda)}
                {...monto(d)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
