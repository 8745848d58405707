import { Card, Group, Stack, Table, Text, type TableTdProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
  /** A sortable column's current order, for assistive technology (`aria-sort` on its header). */
  ordenAria?: 'ascending' | 'descending' | 'none';
}

/**
 * On a phone each row is a card: the first column (what the row is, usually its link) as the card's heading and the
 * other columns as label/value lines, amounts right-aligned, so nothing needs sideways scrolling.
 */
function Tarjetas<T>({
  etiqueta,
  filas,
  clave,
  columnas,
}: {
  etiqueta: string;
  filas: T[];
  clave: (fila: T) => Key;
  columnas: Columna<T>[];
}) {
  const [primera, ...resto] = columnas;
  return (
    <Stack component="ul" aria-label={etiqueta} gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {filas.map((f) => (
        <Card component="li" key={clave(f)} withBorder padding="sm" data-testid="tarjeta-fila">
          {primera && <Text fw={600}>{primera.celda(f)}</Text>}
          {resto.map((c, i) => (
            <Group key={i} justify="space-between" gap="xs" wrap="nowrap" mt={4} align="flex-start">
              <Text size="sm" c="dimmed">
                {c.titulo}
              </Text>
              <Text size="sm" ta="right" fw={c.derecha ? 600 : undefined} component="div">
                {c.celda(f)}
              </Text>
            </Group>
          ))}
        </Card>
      ))}
    </Stack>
  );
}

/** A striped table described by its columns, scrolling horizontally below `anchoMinimo`; cards on a phone. */
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
  const telefono = useMediaQuery('(max-width: 48em)');
  if (telefono) return <Tarjetas etiqueta={etiqueta} filas={filas} clave={clave} columnas={visibles} />;
  return (
    <Table.ScrollContainer minWidth={anchoMinimo}>
      <Table striped highlightOnHover={resaltar} aria-label={etiqueta}>
        <Table.Thead>
          <Table.Tr>
            {visibles.map((c, i) => (
              <Table.Th key={i} ta={c.derecha ? 'right' : undefined} aria-sort={c.ordenAria}>
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
