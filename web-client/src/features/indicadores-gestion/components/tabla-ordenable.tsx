import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState, type Key, type ReactNode } from 'react';
import { Tabla } from '@/components/ui/tabla';
import { ordenarFilas, type Direccion } from '@/features/indicadores-gestion/components/logica-indicadores';

export interface ColumnaOrdenable<T> {
  titulo: string;
  celda: (fila: T) => ReactNode;
  valor: (fila: T) => unknown;
  derecha?: boolean;
}

/** A KPI table whose every column sorts on a click of its header (again: the other way). */
export function TablaOrdenable<T>({
  etiqueta,
  filas,
  clave,
  columnas,
  anchoMinimo = 720,
}: {
  etiqueta: string;
  filas: T[];
  clave: (fila: T) => Key;
  columnas: ColumnaOrdenable<T>[];
  anchoMinimo?: number;
}) {
  const [orden, setOrden] = useState<{ i: number; dir: Direccion } | null>(null);
  const activa = orden ? columnas[orden.i] : undefined;
  const ordenadas = activa && orden ? ordenarFilas(filas, activa.valor, orden.dir) : filas;
  return (
    <Tabla
      etiqueta={etiqueta}
      filas={ordenadas}
      clave={clave}
      anchoMinimo={anchoMinimo}
      resaltar={false}
      columnas={columnas.map((c, i) => ({
        titulo: (
          <UnstyledButton
            fw={600}
            fz="sm"
            onClick={() =>
              setOrden(
                orden?.i === i
                  ? { i, dir: orden.dir === 'asc' ? 'desc' : 'asc' }
                  : { i, dir: c.derecha ? 'desc' : 'asc' },
              )
            }
          >
            {c.titulo}
            {orden?.i === i &&
              (orden.dir === 'asc' ? <IconArrowUp size={12} /> : <IconArrowDown size={12} />)}
          </UnstyledButton>
        ),
        celda: c.celda,
        derecha: c.derecha,
        sinCorte: c.derecha,
        ordenAria: orden?.i === i ? (orden.dir === 'asc' ? 'ascending' : 'descending') : 'none',
      }))}
    />
  );
}
