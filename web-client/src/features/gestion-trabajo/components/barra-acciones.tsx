import { Button, Group } from '@mantine/core';
import { IconCalendarTime, IconCheck, IconExternalLink, IconUserShare } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ItemTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';

export interface AccionesItem {
  completar: () => void;
  posponer: () => void;
  reasignar?: () => void;
  abrirCliente: () => void;
  ocupado?: boolean;
}

/**
 * More quick actions on the selected task, each a component that opens its own form without leaving the list (log a
 * call, take a promise, open a dispute, from `src/components/gestion/`): adding one is one line here.
 */
const accionesExtra: ((item: ItemTrabajo) => ReactNode)[] = [];

/** The quick actions on the selected task, with their keyboard shortcuts in the labels. */
export function BarraAcciones({ item, acciones }: { item: ItemTrabajo; acciones: AccionesItem }) {
  return (
    <Group
      gap="xs"
      role="toolbar"
      aria-label={`Acciones para ${item.razonSocial}: ${item.titulo}`}
      wrap="wrap"
    >
      <Button
        size="xs"
        leftSection={<IconCheck size={14} />}
        onClick={acciones.completar}
        loading={acciones.ocupado}
        aria-keyshortcuts="c"
      >
        Completar (c)
      </Button>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconCalendarTime size={14} />}
        onClick={acciones.posponer}
        aria-keyshortcuts="p"
      >
        Posponer (p)
      </Button>
      {acciones.reasignar && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserShare size={14} />}
          onClick={acciones.reasignar}
          aria-keyshortcuts="r"
        >
          Reasignar (r)
        </Button>
      )}
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconExternalLink size={14} />}
        onClick={acciones.abrirCliente}
        aria-keyshortcuts="Enter"
      >
        Abrir cliente (Enter)
      </Button>
      {accionesExtra.map((accion, i) => (
        <span key={i}>{accion(item)}</span>
      ))}
    </Group>
  );
}
