import { Badge, Button, Checkbox, Group } from '@mantine/core';
import type { useSeleccion } from '@/features/grupos/components/use-seleccion';

export function CasillaSeleccion({
  etiqueta,
  marcado,
  onAlternar,
}: {
  etiqueta: string;
  marcado: boolean;
  onAlternar: () => void;
}) {
  return (
    <Checkbox
      aria-label={`Seleccionar ${etiqueta}`}
      checked={marcado}
      onChange={onAlternar}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

/** The first chosen labels and the button that adds them all. */
export function PieSeleccion({
  seleccion,
  ocupado,
  onAgregar,
}: {
  seleccion: ReturnType<typeof useSeleccion>;
  ocupado: boolean;
  onAgregar: (ids: string[]) => Promise<unknown>;
}) {
  const { elegidos, limpiar } = seleccion;
  return (
    <Group justify="space-between">
      <Group gap={4}>
        {[...elegidos.values()].slice(0, 5).map((e, i) => (
          <Badge key={`${e}-${i}`} variant="light">
            {e}
          </Badge>
        ))}
        {elegidos.size > 5 && <Badge variant="light">+{elegidos.size - 5}</Badge>}
      </Group>
      <Button
        disabled={elegidos.size === 0}
        loading={ocupado}
        onClick={async () => {
          await onAgregar([...elegidos.keys()]);
          limpiar();
        }}
      >
        Agregar seleccionados ({elegidos.size})
      </Button>
    </Group>
  );
}
