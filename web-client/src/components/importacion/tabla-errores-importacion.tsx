import { ScrollArea, Table } from '@mantine/core';
import { aNumero } from '@/lib/formato';

/** A rejected or partial import's errors, one per row and column (client and document imports). */
export interface ErrorImportacion {
  fila: number | string;
  /** The client import names the column (ErrorFilaCliente)... */
  columna?: string;
  /** ...and Cartera's imports the field (ErrorFila). */
  campo?: string;
  regla: string;
  mensaje: string;
}

export function TablaErroresImportacion({ errores }: { errores: readonly ErrorImportacion[] }) {
  return (
    <ScrollArea.Autosize mah={420}>
      <Table aria-label="Errores de importación" striped stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Fila</Table.Th>
            <Table.Th>Columna</Table.Th>
            <Table.Th>Regla</Table.Th>
            <Table.Th>Mensaje</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errores.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{aNumero(e.fila)}</Table.Td>
              <Table.Td>{e.columna ?? e.campo}</Table.Td>
              <Table.Td>
                <code>{e.regla}</code>
              </Table.Td>
              <Table.Td>{e.mensaje}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
