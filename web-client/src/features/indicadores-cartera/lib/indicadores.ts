import { aNumero, formatearPesos } from '@/lib/formato';

/** The KPI fields, in the order the screen shows them. */
export const clavesIndicadores = [
  'totalPorCobrar',
  'vencido',
  'vencidoMas90',
  'dsoCountback',
  'dsoSimple',
  'mejorDso',
  'diasPromedioAtraso',
  'cei',
  'indiceMorosidad',
  'participacionRiesgo',
  'perdidaIncobrables',
  'ventasCredito',
  'recaudado',
] as const;

export type ClaveIndicador = (typeof clavesIndicadores)[number];

export type Indicadores = Record<ClaveIndicador, number | string> & {
  corte: string;
  diasPeriodo: number | string;
};

const decimal = new Intl.NumberFormat('es-CL', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** A KPI's value in its unit: pesos, days (`45,5 días`) or a percentage (`42,11 %`). */
export function formatearIndicador(valor: number | string | null | undefined, unidad: string): string {
  const n = aNumero(valor);
  if (n === null) return '';
  if (unidad === 'CLP') return formatearPesos(n);
  if (unidad === '%') return `${decimal.format(n)} %`;
  return `${decimal.format(n)} ${n === 1 ? 'día' : 'días'}`;
}

/** Whether a higher value of the KPI is good (CEI, collections, sales) or bad (DSO, morosity, losses). */
export function mayorEsMejor(clave: ClaveIndicador): boolean {
  return clave === 'cei' || clave === 'recaudado' || clave === 'ventasCredito';
}

/** The change from the previous month-end as a signed percentage of it, or null without a previous non-zero value. */
export function variacion(actual: number | string, anterior: number | string | undefined): number | null {
  const a = aNumero(actual);
  const b = aNumero(anterior);
  if (a === null || b === null || b === 0) return null;
  return Math.round(((a - b) / Math.abs(b)) * 1000) / 10;
}

export type Orden = { clave: ClaveIndicador | 'nombre'; descendente: boolean };

/** The breakdown rows sorted by a KPI or by name (es-CL collation), ties by name. */
export function ordenarFilas<
  F extends { nombre: string; indicadores: Record<ClaveIndicador, number | string> },
>(filas: readonly F[], orden: Orden): F[] {
  const porNombre = (a: F, b: F) => a.nombre.localeCompare(b.nombre, 'es-CL', { sensitivity: 'base' });
  const signo = orden.descendente ? -1 : 1;
  return [...filas].sort((a, b) => {
    if (orden.clave === 'nombre') return signo * porNombre(a, b);
    const d = (aNumero(a.indicadores[orden.clave]) ?? 0) - (aNumero(b.indicadores[orden.clave]) ?? 0);
    return d !== 0 ? signo * d : porNombre(a, b);
  });
}

/** `2026-03-31` → `mar 2026`, the month label of a trend point. */
export function etiquetaMes(fechaIso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(fechaIso);
  if (!m) return fechaIso;
  const meses = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
  return `${meses[Number(m[2]) - 1]} ${m[1]}`;
}
