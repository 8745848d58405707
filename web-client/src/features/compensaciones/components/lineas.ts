/** Manual lines of a compensation: amounts typed per document, their total and the server's per-line errors. */
import { esApiError } from '@/api/errors';
import { sinRegla } from '@/lib/errores-formulario';
import { numeroONulo } from '@/lib/formulario';

export interface LineaManual {
  documentoId: string;
  cuota: null;
  monto: number;
}

/** Lines with a positive amount, in the order of `documentos` (the order they are sent in). */
export function lineasManuales(
  montos: Record<string, number | string>,
  documentos: readonly string[],
): LineaManual[] {
  return documentos
    .map((documentoId) => ({ documentoId, cuota: null, monto: numeroONulo(montos[documentoId]) ?? 0 }))
    .filter((l) => l.monto > 0);
}

/** Total of the manual lines. */
export function totalLineas(lineas: readonly { monto: number }[]): number {
  return lineas.reduce((s, l) => s + l.monto, 0);
}

export interface ControlLineas {
  total: number;
  /** What would remain of the credit note's balance. */
  restante: number;
  error: string | null;
}

/** Checks the manual lines against the credit note's balance and each document's balance. */
export function controlarLineas(
  lineas: readonly LineaManual[],
  saldoNota: number,
  saldos: Readonly<Record<string, number>>,
): ControlLineas {
  const total = totalLineas(lineas);
  const restante = saldoNota - total;
  let error: string | null = null;
  if (lineas.length === 0) error = 'Indique el monto a compensar en al menos un documento.';
  else if (lineas.some((l) => l.monto > (saldos[l.documentoId] ?? Infinity)))
    error = 'Un monto supera el saldo de su documento.';
  else if (total > saldoNota) error = 'El total supera el saldo de la nota de crédito.';
  return { total, restante, error };
}

/** Server errors `aplicaciones[i].monto` keyed by the document id of line `i`. */
export function erroresPorDocumento(
  error: unknown,
  lineas: readonly { documentoId: string }[],
): Record<string, string> {
  const r: Record<string, string> = {};
  if (!esApiError(error)) return r;
  for (const [clave, mensajes] of Object.entries(error.errores)) {
    const m = /^aplicaciones\[(\d+)\]/i.exec(clave);
    const id = m ? lineas[Number(m[1])]?.documentoId : undefined;
    if (id) r[id] = [r[id], ...mensajes.map(sinRegla)].filter(Boolean).join(' ');
  }
  return r;
}
