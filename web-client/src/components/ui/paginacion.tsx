import { Group, Pagination, Select, Text } from '@mantine/core';
import { aNumero } from '@/lib/formato';

const etiquetaControl = {
  first: 'Primera página',
  previous: 'Página anterior',
  next: 'Página siguiente',
  last: 'Última página',
} as const;

export function Paginacion({
  total,
  pagina,
  tamano,
  onPagina,
  onTamano,
}: {
  total: number | string;
  pagina: number;
  tamano: number;
  onPagina: (p: number) => void;
  onTamano?: (t: number) => void;
}) {
  const n = aNumero(total) ?? 0;
  const paginas = Math.max(1, Math.ceil(n / tamano));
  const desde = n === 0 ? 0 : (pagina - 1) * tamano + 1;
  const hasta = Math.min(n, pagina * tamano);
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="paginacion-resumen">
        {n === 0 ? 'Sin resultados' : `${desde}–${hasta} de ${n.toLocaleString('es-CL')}`}
      </Text>
      <Group gap="sm">
        {onTamano && (
          <Select
            aria-label="Filas por página"
            w={90}
            size="xs"
            data={['10', '25', '50', '100']}
            value={String(tamano)}
            onChange={(v) => v && onTamano(Number(v))}
            allowDeselect={false}
          />
        )}
        <nav aria-label="Paginación">
          <Pagination
            total={paginas}
            value={pagina}
            onChange={onPagina}
            size="sm"
            withEdges
            getItemProps={(p) => ({
              'aria-label': `Página ${p}`,
              'aria-current': p === pagina ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': etiquetaControl[control] })}
          />
        </nav>
      </Group>
    </Group>
  );
}
