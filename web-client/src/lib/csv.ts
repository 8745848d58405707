/** Minimal CSV writer (RFC 4180 quoting). */
export function celdaCsv(valor: string | number | boolean | null | undefined, separador = ','): string {
  if (valor === null || valor === undefined) return '';
  const s = String(valor);
  return /["\r\n]/.test(s) || s.includes(separador) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function aCsv(
  filas: readonly (readonly (string | number | boolean | null | undefined)[])[],
  separador = ',',
): string {
  return filas.map((f) => f.map((c) => celdaCsv(c, separador)).join(separador)).join('\r\n') + '\r\n';
}
