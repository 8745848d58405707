/** es-CL display formats. */

const clp = new Intl.NumberFormat('es-CL', { style: 'currency', currency: 'CLP', maximumFractionDigits: 0 });
const entero = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 2 });

/** Numbers may come as strings from the API (.NET number handling). */
export function aNumero(valor: number | string | null | undefined): number | null {
  if (valor === null || valor === undefined || valor === '') return null;
  const n = typeof valor === 'number' ? valor : Number(valor);
  return Number.isFinite(n) ? n : null;
}

/** `$1.234.567` */
export function formatearPesos(valor: number | string | null | undefined): string {
  const n = aNumero(valor);
  return n === null ? '' : clp.format(n).replace(/\s/g, '');
}

/** `1.234.567` or `12,5` */
export function formatearNumero(valor: number | string | null | undefined): string {
  const n = aNumero(valor);
  if (n === null) return '';
  return Number.isInteger(n) ? entero.format(n) : decimal.format(n);
}

/** Credit limit with its currency: `$1.234.567`, `500 UF`, or `Sin límite` for null. */
export function formatearLimite(
  valor: number | string | null | undefined,
  moneda: string | null | undefined,
): string {
  const n = aNumero(valor);
  if (n === null) return 'Sin límite';
  if ((moneda ?? 'CLP').toUpperCase() === 'CLP') return formatearPesos(n);
  return `${formatearNumero(n)} ${moneda}`;
}

/** Percentage `1,5 %`. */
export function formatearPorcentaje(valor: number | string | null | undefined): string {
  const n = aNumero(valor);
  return n === null ? '' : `${decimal.format(n)} %`;
}

const dos = (n: number) => String(n).padStart(2, '0');

function aFecha(valor: string | Date | null | undefined): Date | null {
  if (!valor) return null;
  if (valor instanceof Date) return Number.isNaN(valor.getTime()) ? null : valor;
  const soloFecha = /^(\d{4})-(\d{2})-(\d{2})$/.exec(valor);
  if (soloFecha) return new Date(Number(soloFecha[1]), Number(soloFecha[2]) - 1, Number(soloFecha[3]));
  const d = new Date(valor);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `dd-mm-aaaa` in local time; `yyyy-mm-dd` date-only values are not shifted by time zone. */
export function formatearFecha(valor: string | Date | null | undefined): string {
  const d = aFecha(valor);
  return d ? `${dos(d.getDate())}-${dos(d.getMonth() + 1)}-${d.getFullYear()}` : '';
}

/** `dd-mm-aaaa hh:mm` in local time. */
export function formatearFechaHora(valor: string | Date | null | undefined): string {
  const d = aFecha(valor);
  return d ? `${formatearFecha(d)} ${dos(d.getHours())}:${dos(d.getMinutes())}` : '';
}

/** Date → `yyyy-mm-dd` (local), as the API expects for date-only fields. */
export function aFechaIso(valor: Date | string | null | undefined): string | null {
  const d = aFecha(valor ?? null);
  return d ? `${d.getFullYear()}-${dos(d.getMonth() + 1)}-${dos(d.getDate())}` : null;
}
