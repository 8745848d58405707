import { UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useState, type Key, type ReactNode } from 'react';
import { Tabla } from '@/components/ui/tabla';
import { ordenarFilas, type Direccion } from '@/lib/ordenar-filas';

export interface ColumnaOrdenable<T> {
  titulo: string;
  celda: (fila: T) => ReactNode;
  /** The value the column sorts by; without it the column does not sort. */
  valor?: (fila: T) => unknown;
  derecha?: boolean;
}

/** A report table whose columns sort by clicking their header (again to reverse). */
export function TablaOrdenable<T>({
  etiqueta,
  filas,
  clave,
  columnas,
  anchoMinimo = 700,
}: {
  etiqueta: string;
  filas: T[];
  clave: (fila: T) => Key;
  columnas: ColumnaOrdenable<T>[];
  anchoMinimo?: number;
}) {
  const [orden, setOrden] = useState<{ i: number; d: Direccion } | null>(null);
  const columna = orden ? columnas[orden.i] : undefined;
  const ordenadas = orden && columna?.valor ? ordenarFilas(filas, columna.valor, orden.d) : filas;
  return (
    <Tabla
      etiqueta={etiqueta}
      filas={ordenadas}
      clave={clave}
      anchoMinimo={anchoMinimo}
      resaltar={false}
      columnas={columnas.map((c, i) => ({
        derecha: c.derecha,
        sinCorte: c.derecha,
        celda: c.celda,
        ordenAria: c.valor
          ? orden?.i === i
            ? orden.d === 'asc'
              ? 'ascending'
              : 'descending'
            : 'none'
          : undefined,
        titulo: c.valor ? (
          <UnstyledButton
            fw={700}
            fz="sm"
            onClick={() =>
              setOrden((o) =>
                o?.i === i ? { i, d: o.d === 'asc' ? 'desc' : 'asc' } : { i, d: c.derecha ? 'desc' : 'asc' },
              )
            }
          >
            {c.titulo}{' '}
            {orden?.i === i ? (
              orden.d === 'asc' ? (
                <IconSortAscending size={14} />
              ) : (
                <IconSortDescending size={14} />
              )
            ) : (
              <IconArrowsSort size={14} opacity={0.4} />
            )}
          </UnstyledButton>
        ) : (
          c.titulo
        ),
      }))}
    />
  );
}
