import { Table, type TableTdProps } from '@mantine/core';
import type { Key, ReactNode } from 'react';

export interface Columna<T> {
  titulo: ReactNode;
  celda: (fila: T) => ReactNode;
  /** Amounts and counts: right-aligned. */
  derecha?: boolean;
  /** Dates and amounts: kept on one line. */
  sinCorte?: boolean;
  /** Per-row cell props (e.g. a color that depends on the value). */
  td?: (fila: T) => TableTdProps;
}

/** A striped table described by its columns, scrolling horizontally below `anchoMinimo`. */
export function Tabla<T>({
  etiqueta,
  filas,
  clave,
  columnas,
  anchoMinimo,
  resaltar = true,
}: {
  etiqueta: string;
  filas: T[];
  clave: (fila: T) => Key;
  columnas: (Columna<T> | false | undefined)[];
  anchoMinimo: number;
  /** Rows light up under the pointer (lists whose rows lead somewhere). */
  resaltar?: boolean;
}) {
  const visibles = columnas.filter((c): c is Columna<T> => !!c);
  return (
    <Table.ScrollContainer minWidth={anchoMinimo}>
      <Table striped highlightOnHover={resaltar} aria-label={etiqueta}>
        <Table.Thead>
          <Table.Tr>
            {visibles.map((c, i) => (
              <Table.Th key={i} ta={c.derecha ? 'right' : undefined}>
                {c.titulo}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {filas.map((f) => (
            <Table.Tr key={clave(f)}>
              {visibles.map((c, i) => (
                <Table.Td
                  key={i}
                  ta={c.derecha ? 'right' : undefined}
                  style={c.sinCorte ? { whiteSpace: 'nowrap' } : undefined}
                  {...c.td?.(f)}
                >
                  {c.celda(f)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
