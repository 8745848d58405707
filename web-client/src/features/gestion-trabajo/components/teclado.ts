/** What a key does on the "Mi trabajo" list; null when the list leaves the key alone. */
export type AccionTeclado =
  | { tipo: 'mover'; indice: number }
  | { tipo: 'abrir' }
  | { tipo: 'completar' }
  | { tipo: 'posponer' }
  | { tipo: 'reasignar' }
  | { tipo: 'llamada' }
  | { tipo: 'compromiso' }
  | { tipo: 'disputa' }
  | { tipo: 'ayuda' };

export interface EventoTecla {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The shortcuts, as the help dialog shows them. */
export const atajos: { teclas: string; que: string; soloSupervisor?: boolean }[] = [
  { teclas: 'j / ↓', que: 'Siguiente tarea' },
  { teclas: 'k / ↑', que: 'Tarea anterior' },
  { teclas: 'Inicio / Fin', que: 'Primera / última tarea' },
  { teclas: 'Enter', que: 'Abrir el cliente' },
  { teclas: 'c', que: 'Completar la tarea' },
  { teclas: 'p', que: 'Posponer la tarea (elegir fecha)' },
  { teclas: 'r', que: 'Reasignar la tarea', soloSupervisor: true },
  { teclas: 'l', que: 'Registrar una llamada y completar la tarea' },
  { teclas: 'm', que: 'Tomar un compromiso (promesa) de pago y completar la tarea' },
  { teclas: 'd', que: 'Abrir una disputa y completar la tarea' },
  { teclas: '?', que: 'Mostrar estos atajos' },
];

/**
 * Maps a key press to an action on a list of `total` items with `actual` selected. Keys with a modifier (Ctrl, ⌘, Alt)
 * belong to the browser; `r` only works for supervisors.
 */
export function accionDeTecla(
  e: EventoTecla,
  actual: number,
  total: number,
  puedeReasignar: boolean,
): AccionTeclado | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === '?') return { tipo: 'ayuda' };
  if (total === 0) return null;
  const ultimo = total - 1;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return { tipo: 'mover', indice: Math.min(ultimo, actual + 1) };
    case 'k':
    case 'ArrowUp':
      return { tipo: 'mover', indice: Math.max(0, actual - 1) };
    case 'Home':
      return { tipo: 'mover', indice: 0 };
    case 'End':
      return { tipo: 'mover', indice: ultimo };
    case 'Enter':
      return { tipo: 'abrir' };
    case 'c':
      return { tipo: 'completar' };
    case 'p':
      return { tipo: 'posponer' };
    case 'r':
      return puedeReasignar ? { tipo: 'reasignar' } : null;
    case 'l':
      return { tipo: 'llamada' };
    case 'm':
      return { tipo: 'compromiso' };
    case 'd':
      return { tipo: 'disputa' };
    default:
      return null;
  }
}

/** Keys typed into a field, a menu or a dialog are not list shortcuts. */
export function esCampoEditable(destino: EventTarget | null): boolean {
  if (!(destino instanceof HTMLElement)) return false;
  if (destino.isContentEditable) return true;
  // The worklist is itself a listbox whose rows take the focus: its keys are the shortcuts.
  if (destino.closest('[role="dialog"], [role="listbox"]:not([data-lista-trabajo]), [role="menu"]'))
    return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(destino.tagName);
}
