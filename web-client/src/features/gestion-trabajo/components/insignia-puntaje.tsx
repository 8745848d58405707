import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import {
  colorPuntaje,
  desglose,
  etiquetaAccesible,
  formatearPuntos,
  type PartesPuntaje,
} from '@/features/gestion-trabajo/components/puntaje';

/** The item's score as a badge; its parts in the tooltip and in the accessible name. */
export function InsigniaPuntaje({ puntaje, partes }: { puntaje: number | string; partes: PartesPuntaje }) {
  const detalle = desglose(partes);
  return (
    <Tooltip
      withinPortal
      label={
        <Stack gap={0}>
          {detalle.length === 0 ? (
            <Text size="xs">Sin factores</Text>
          ) : (
            detalle.map((p) => (
              <Text size="xs" key={p.etiqueta}>
                {p.etiqueta}: {formatearPuntos(p.puntos)} / {p.maximo}
              </Text>
            ))
          )}
        </Stack>
      }
    >
      <Badge
        size="lg"
        variant="filled"
        color={colorPuntaje(puntaje)}
        aria-label={etiquetaAccesible(puntaje, partes)}
        data-testid="puntaje"
        miw={56}
      >
        {formatearPuntos(puntaje)}
      </Badge>
    </Tooltip>
  );
}
