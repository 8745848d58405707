/** Aging buckets from the company's day limits, as the API builds them (Configuracion.cs, AjustesCartera.Tramos). */
import { etiquetaTramo } from '@/lib/cartera';

export interface TramoCalculado {
  codigo: string;
  desde: number | null;
  hasta: number | null;
}

export const LIMITE_MAXIMO_DIAS = 3650;
export const MAXIMO_LIMITES = 10;

/** `por_vencer`, then `1-l1`, `(l1+1)-l2`, …, then `mas_ln`. */
export function tramosDesdeLimites(limites: readonly number[]): TramoCalculado[] {
  const tramos: TramoCalculado[] = [{ codigo: 'por_vencer', desde: null, hasta: 0 }];
  let desde = 1;
  for (const hasta of limites) {
    tramos.push({ codigo: `${desde}-${hasta}`, desde, hasta });
    desde = hasta + 1;
  }
  tramos.push({ codigo: `mas_${desde - 1}`, desde, hasta: null });
  return tramos;
}

/** Human preview: `Por vencer, 1 a 30 días, …, Más de 120 días`. */
export function vistaPreviaTramos(limites: readonly number[]): string[] {
  return tramosDesdeLimites(limites).map((t) => etiquetaTramo(t));
}

export type LimitesLeidos = { ok: true; limites: number[] } | { ok: false; error: string };

/**
 * Reads the limits typed as `30 60 90 120` (spaces, commas or semicolons between them): whole days
 * between 1 and 3650, strictly increasing, 1 to 10 of them (the API's rules).
 */
export function leerLimites(texto: string): LimitesLeidos {
  const partes = texto
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (partes.length === 0)
    return { ok: false, error: 'Indique al menos un límite (por ejemplo 30 60 90 120).' };
  if (partes.length > MAXIMO_LIMITES)
    return { ok: false, error: `Indique como máximo ${MAXIMO_LIMITES} límites.` };
  const limites: number[] = [];
  for (const p of partes) {
    if (!/^\d+$/.test(p)) return { ok: false, error: `"${p}" no es un número entero de días.` };
    const n = Number(p);
    if (n < 1 || n > LIMITE_MAXIMO_DIAS)
      return { ok: false, error: `Cada límite va de 1 a ${LIMITE_MAXIMO_DIAS} días.` };
    const anterior = limites.at(-1);
    if (anterior !== undefined && n <= anterior)
      return { ok: false, error: 'Los límites van en orden creciente y sin repetir.' };
    limites.push(n);
  }
  return { ok: true, limites };
}

/**
 * Keeps one provision percentage per bucket when the limits change: a bucket that already existed
 * keeps its percentage; a new one takes the percentage of the old bucket where it starts (splitting
 * `1-30` into `1-15` and `16-30` gives both the old `1-30` percentage; the last bucket takes the
 * percentage of the old bucket that held its first day).
 */
export function ajustarPorcentajes(
  limitesAntes: readonly number[],
  porcentajesAntes: readonly (number | string)[],
  limitesNuevos: readonly number[],
): (number | string)[] {
  const antes = tramosDesdeLimites(limitesAntes);
  const porCodigo = new Map(antes.map((t, i) => [t.codigo, porcentajesAntes[i]]));
  return tramosDesdeLimites(limitesNuevos).map((t) => {
    const mismo = porCodigo.get(t.codigo);
    if (mismo !== undefined) return mismo;
    const inicio = t.desde ?? 0;
    const i = antes.findIndex(
      (a) => a.desde !== null && inicio >= a.desde && (a.hasta === null || inicio <= a.hasta),
    );
    return porcentajesAntes[i >= 0 ? i : antes.length - 1] ?? 0;
  });
}

export const ordenesImputacion = [
  {
    value: 'vencimiento',
    label: 'Por vencimiento',
    descripcion: 'Primero los documentos con el vencimiento más antiguo.',
  },
  {
    value: 'emision',
    label: 'Por emisión',
    descripcion: 'Primero los documentos emitidos hace más tiempo.',
  },
  {
    value: 'monto_menor',
    label: 'Monto menor primero',
    descripcion: 'Primero los saldos más pequeños, para cerrar la mayor cantidad de documentos.',
  },
];

export function nombreOrdenImputacion(orden: string): string {
  return ordenesImputacion.find((o) => o.value === orden)?.label ?? orden;
}
