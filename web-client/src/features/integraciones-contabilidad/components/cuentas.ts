import { aNumero } from '@/lib/formato';

/** An account per key (a channel or a deposit account) as the form edits it. */
export interface FilaCuenta {
  clave: string;
  cuenta: string;
}

export const etiquetasConcepto: Record<string, string> = {
  clientes: 'Clientes (deudores por venta)',
  gasto_incobrables: 'Gasto por incobrables',
  provision_incobrables: 'Provisión de incobrables',
  gasto_protesto: 'Gasto por protesto',
  banco: 'Banco',
};

export const etiquetasOrigen: Record<string, string> = {
  pago: 'Pago recibido',
  deposito_cheque: 'Depósito de cheque',
  protesto_cheque: 'Cheque protestado',
  castigo: 'Castigo',
  protesto_documento: 'Costo de protesto',
};

const FORMATO_CUENTA = /^[0-9A-Za-z][0-9A-Za-z.-]*$/;

/** The same rule as the server: digits, letters, dots and dashes, up to 50 characters. */
export function errorCuenta(cuenta: string): string | null {
  const c = cuenta.trim();
  if (c === '') return 'Indique la cuenta.';
  if (c.length > 50) return 'Hasta 50 caracteres.';
  if (!FORMATO_CUENTA.test(c)) return 'Solo dígitos, letras, puntos y guiones (p. ej. 1.1.05).';
  return null;
}

/**
 * Rows as the API takes them: trimmed, empty rows (neither key nor account) left out. A channel row with an empty account
 * means "use the bank account", so it is left out too.
 */
export function filasParaGuardar(filas: FilaCuenta[]): FilaCuenta[] {
  return filas
    .map((f) => ({ clave: f.clave.trim(), cuenta: f.cuenta.trim() }))
    .filter((f) => f.clave !== '' && f.cuenta !== '');
}

/** The key that appears more than once (case-insensitive), if any. */
export function claveRepetida(filas: FilaCuenta[]): string | null {
  const vistas = new Set<string>();
  for (const f of filasParaGuardar(filas)) {
    const k = f.clave.toLowerCase();
    if (vistas.has(k)) return f.clave;
    vistas.add(k);
  }
  return null;
}

/** One row per channel, in the API's order, with the configured account or empty (= bank). */
export function filasCanales(canales: string[], configuradas: FilaCuenta[]): FilaCuenta[] {
  return canales.map((c) => ({ clave: c, cuenta: configuradas.find((x) => x.clave === c)?.cuenta ?? '' }));
}

export interface TotalCuenta {
  cuenta: string;
  moneda: string;
  debe: number | string;
  haber: number | string;
}

/** Debit and credit totals per currency, and whether each currency balances (they always should). */
export function cuadratura(
  totales: TotalCuenta[],
): { moneda: string; debe: number; haber: number; cuadra: boolean }[] {
  const porMoneda = new Map<string, { debe: number; haber: number }>();
  for (const t of totales) {
    const m = porMoneda.get(t.moneda) ?? { debe: 0, haber: 0 };
    m.debe += aNumero(t.debe) ?? 0;
    m.haber += aNumero(t.haber) ?? 0;
    porMoneda.set(t.moneda, m);
  }
  return [...porMoneda.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([moneda, m]) => ({ moneda, ...m, cuadra: Math.abs(m.debe - m.haber) < 0.00005 }));
}

/** The first and last day of the month of a date (yyyy-mm-dd). */
export function mesDe(fecha: string): { desde: string; hasta: string } {
  const [a, m] = fecha.split('-').map(Number) as [number, number];
  const ultimo = new Date(Date.UTC(a, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { desde: `${a}-${mm}-01`, hasta: `${a}-${mm}-${String(ultimo).padStart(2, '0')}` };
}
