/**
 * Text that begins with = + - @ (or a tab or carriage return) is run as a formula by spreadsheets (CSV injection):
 * it is written with a leading apostrophe, as the server's exports do. Numbers, also negative ones written as text
 * (-1.234,50), stay numbers.
 */
function neutralizarFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^-[\d.,]+$/.test(s) ? `'${s}` : s;
}

/** Minimal CSV writer (RFC 4180 quoting). */
export function celdaCsv(valor: string | number | boolean | null | undefined, separador = ','): string {
  if (valor === null || valor === undefined) return '';
  const s = typeof valor === 'string' ? neutralizarFormula(valor) : String(valor);
  return /["\r\n]/.test(s) || s.includes(separador) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function aCsv(
  filas: readonly (readonly (string | number | boolean | null | undefined)[])[],
  separador = ',',
): string {
  return filas.map((f) => f.map((c) => celdaCsv(c, separador)).join(separador)).join('\r\n') + '\r\n';
}
