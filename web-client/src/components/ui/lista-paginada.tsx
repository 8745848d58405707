import { Card, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Paginacion } from '@/components/ui/paginacion';

/** What a paginated list needs from its query (a TanStack Query result). */
interface ConsultaPaginada<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { items: T[]; total: number | string } | undefined;
  refetch: () => unknown;
}

/**
 * A server-paginated list: loading and error states, the empty message, the rows (`children`)
 * and the pager below them.
 */
export function ListaPaginada<T>({
  consulta,
  vacio,
  pagina,
  tamano,
  onPagina,
  onTamano,
  children,
}: {
  consulta: ConsultaPaginada<T>;
  vacio: ReactNode;
  pagina: number;
  tamano: number;
  onPagina: (p: number) => void;
  onTamano?: (t: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  if (consulta.isPending) return <Cargando />;
  if (consulta.isError || !consulta.data)
    return <ErrorConsulta error={consulta.error} reintentar={() => void consulta.refetch()} />;
  const { items, total } = consulta.data;
  return (
    <Card withBorder p={0}>
      {items.length === 0 ? (
        <Text c="dimmed" p="lg" ta="center">
          {vacio}
        </Text>
      ) : (
        children(items)
      )}
      <Group p="sm">
        <div style={{ flex: 1 }}>
          <Paginacion total={total} pagina={pagina} tamano={tamano} onPagina={onPagina} onTamano={onTamano} />
        </div>
      </Group>
    </Card>
  );
}
