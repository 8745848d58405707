import { ScrollArea, Table } from '@mantine/core';
import { aNumero } from '@/lib/formato';
import { TextoConRut } from '@/components/clientes/texto-con-rut';

/** A rejected or partial import's errors, one per row and column (client and document imports). */
export interface ErrorImportacion {
  fila: number | string;
  /** The column as the person's file names it (both imports, when the file has it)... */
  columna?: string | null;
  /** ...else Cartera's field name. */
  campo?: string;
  /** The rule's code: for programs, never shown to a person. */
  regla?: string;
  mensaje: string;
}

/** Errors about the whole file or batch, not one of its columns. */
const sinColumna: Record<string, string> = {
  archivo: 'Archivo completo',
  lote: 'Archivo completo',
  documento: 'Fila completa',
  referencia: 'Referencia',
};

function nombreColumna(e: ErrorImportacion): string {
  if (e.columna) return sinColumna[e.columna] ?? e.columna;
  if (e.campo) return sinColumna[e.campo] ?? e.campo;
  return '—';
}

/** What the person reads: the row, the column as their file names it, and a Spanish sentence (no rule codes). */
export function TablaErroresImportacion({ errores }: { errores: readonly ErrorImportacion[] }) {
  return (
    <ScrollArea.Autosize mah={420}>
      <Table aria-label="Errores de importación" striped stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Fila</Table.Th>
            <Table.Th>Columna del archivo</Table.Th>
            <Table.Th>Qué corregir</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errores.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{aNumero(e.fila)}</Table.Td>
              <Table.Td>{nombreColumna(e)}</Table.Td>
              <Table.Td>
                <TextoConRut texto={e.mensaje} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
