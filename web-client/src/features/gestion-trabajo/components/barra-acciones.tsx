import { Button, Group } from '@mantine/core';
import {
  IconCalendarTime,
  IconCheck,
  IconExternalLink,
  IconPhoneCall,
  IconReceipt,
  IconScale,
  IconUserShare,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ItemTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';
import {
  titulosAccionRapida,
  type AccionRapida,
} from '@/features/gestion-trabajo/components/acciones-rapidas-logica';

export interface AccionesItem {
  completar: () => void;
  posponer: () => void;
  reasignar?: () => void;
  abrirCliente: () => void;
  /** Opens the form of a quick action (log a call, take a promise, open a dispute) over the list. */
  rapida?: (accion: AccionRapida) => void;
  ocupado?: boolean;
}

/**
 * More quick actions on the selected task, each opening its own form without leaving the list (the forms live in
 * `src/components/gestion/`, see `acciones-rapidas.tsx`): adding one is one line here.
 */
const accionesExtra: { accion: AccionRapida; tecla: string; icono: ReactNode }[] = [
  { accion: 'llamada', tecla: 'l', icono: <IconPhoneCall size={14} /> },
  { accion: 'compromiso', tecla: 'm', icono: <IconReceipt size={14} /> },
  { accion: 'disputa', tecla: 'd', icono: <IconScale size={14} /> },
];

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
      {acciones.rapida &&
        accionesExtra.map(({ accion, tecla, icono }) => (
          <Button
            key={accion}
            size="xs"
            variant="light"
            color="grape"
            leftSection={icono}
            onClick={() => acciones.rapida?.(accion)}
            aria-keyshortcuts={tecla}
          >
            {titulosAccionRapida[accion]} ({tecla})
          </Button>
        ))}
    </Group>
  );
}
