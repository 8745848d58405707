/**
 * Chilean RUT helpers. The server is the authority; these are hints for the UI.
 */

/** Keeps digits and K; upper-cases K. */
export function limpiarRut(valor: string): string {
  return valor.replace(/[^0-9kK]/g, '').toUpperCase();
}

/** Check digit (0-9 or K) of a RUT body with the modulo 11 algorithm. */
export function digitoVerificador(cuerpo: string | number): string {
  const digitos = String(cuerpo).replace(/\D/g, '');
  let suma = 0;
  let factor = 2;
  for (let i = digitos.length - 1; i >= 0; i--) {
    suma += Number(digitos[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const resto = 11 - (suma % 11);
  if (resto === 11) return '0';
  if (resto === 10) return 'K';
  return String(resto);
}

/** The server's lower bound: "1-9" passes modulo 11 but nobody holds it. */
export const RUT_MINIMO = 100_000;

/** True when the value looks like a RUT whose check digit matches. */
export function rutValido(valor: string): boolean {
  const limpio = limpiarRut(valor);
  if (limpio.length < 2) return false;
  const cuerpo = limpio.slice(0, -1);
  const dv = limpio.slice(-1);
  if (!/^\d+$/.test(cuerpo) || cuerpo.length > 9) return false;
  if (Number(cuerpo) < RUT_MINIMO) return false;
  return digitoVerificador(cuerpo) === dv;
}

/** Formats `123456785` / `12.345.678-5` / `12345678-5` as `12.345.678-5`. Returns input unchanged if unusable. */
export function formatearRut(valor: string | null | undefined): string {
  if (!valor) return '';
  const limpio = limpiarRut(valor);
  if (limpio.length < 2) return valor;
  const cuerpo = limpio.slice(0, -1).replace(/^0+(?=\d)/, '');
  const dv = limpio.slice(-1);
  if (!/^\d+$/.test(cuerpo)) return valor;
  return `${cuerpo.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${dv}`;
}

/** Hint for a RUT input: null when fine or empty, otherwise a message. */
export function avisoRut(valor: string): string | null {
  if (!valor.trim()) return null;
  const limpio = limpiarRut(valor);
  if (limpio.length < 2 || !/^\d+$/.test(limpio.slice(0, -1))) return 'Formato de RUT no reconocido.';
  if (Number(limpio.slice(0, -1)) < RUT_MINIMO)
    return 'Un RUT tiene al menos 6 dígitos antes del verificador.';
  if (!rutValido(valor)) return 'El dígito verificador no coincide (mód. 11).';
  return null;
}

/** Form validation of a required RUT: the same check (mod 11, minimum) the server applies, so it blocks saving. */
export function validarRut(valor: string): string | null {
  if (!valor.trim()) return 'Ingrese el RUT.';
  return avisoRut(valor);
}

/** A RUT written either way: 12.345.678-5 or 12345678-5 (the server's canonical form). */
const patronRut = /\b(\d{1,2}(?:\.\d{3}){2}-[\dkK]|\d{7,8}-[\dkK])\b/g;

/** The message split into text and RUTs, each RUT formatted (12.345.678-5). */
export function partesConRut(texto: string): { texto: string; rut: boolean }[] {
  const partes: { texto: string; rut: boolean }[] = [];
  let desde = 0;
  for (const m of texto.matchAll(patronRut)) {
    const i = m.index ?? 0;
    if (i > desde) partes.push({ texto: texto.slice(desde, i), rut: false });
    partes.push({ texto: formatearRut(m[0]), rut: true });
    desde = i + m[0].length;
  }
  if (desde < texto.length) partes.push({ texto: texto.slice(desde), rut: false });
  return partes;
}
