import type { PagoResumen } from '@/api/tipos-cartera';

/** An entry of the timeline; `momento` is the ISO date or date-time it is ordered by, newest first. */
export type EntradaLineaTiempo<A> =
  | { clave: string; momento: string; tipo: 'actividad'; actividad: A }
  | { clave: string; momento: string; tipo: 'pago'; pago: PagoResumen };

/**
 * The client's timeline: its activities and the payments it made (by any channel, including an online payment confirmed by
 * a provider), newest first. A payment carries only its date, so it sorts at the start of that day, below the activities of the same day.
 */
export function lineaTiempo<A extends { id: string; fecha: string }>(
  actividades: A[],
  pagos: PagoResumen[],
): EntradaLineaTiempo<A>[] {
  const entradas: EntradaLineaTiempo<A>[] = [
    ...actividades.map((a) => ({
      clave: `a-${a.id}`,
      momento: a.fecha,
      tipo: 'actividad' as const,
      actividad: a,
    })),
    ...pagos.map((p) => ({
      clave: `p-${p.id}`,
      momento: `${p.fecha}T00:00:00`,
      tipo: 'pago' as const,
      pago: p,
    })),
  ];
  return entradas.sort((x, y) => Date.parse(y.momento) - Date.parse(x.momento));
}
