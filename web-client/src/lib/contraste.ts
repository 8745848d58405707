/** WCAG 2.1 relative luminance of `#rrggbb`. */
export function luminancia(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contraste(a: string, b: string): number {
  const [x, y] = [luminancia(a), luminancia(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const hex = (n: number) =>
  Math.round(Math.max(0, Math.min(255, n)))
    .toString(16)
    .padStart(2, '0');

/** `a` mixed with `b`: `peso` of `a`. */
export function mezclar(a: string, b: string, peso: number): string {
  const canal = (c: string, i: number) => parseInt(c.slice(i, i + 2), 16);
  return `#${[1, 3, 5].map((i) => hex(canal(a, i) * peso + canal(b, i) * (1 - peso))).join('')}`;
}

/** The colour darkened (towards black) just enough to reach `minimo` against `fondo`. */
export function legible(color: string, fondo: string, minimo = 4.6): string {
  let c = color;
  for (let paso = 0; paso < 40 && contraste(c, fondo) < minimo; paso++) c = mezclar(c, '#000000', 0.94);
  return c;
}

/** The colour lightened (towards white) just enough to reach `minimo` against `texto`. */
export function aclarar(color: string, texto: string, minimo = 4.6): string {
  let c = color;
  for (let paso = 0; paso < 60 && contraste(c, texto) < minimo; paso++) c = mezclar(c, '#ffffff', 0.9);
  return contraste(c, texto) < minimo ? '#ffffff' : c;
}

/** `#rrggbb`, the only form the API keeps. */
export const esColorHex = (c: string | null | undefined): c is string => !!c && /^#[0-9a-fA-F]{6}$/.test(c);

/** The dimmed text the SPA draws (Mantine gray.7): the lightest text that must read on the portal's accent background. */
export const TEXTO_ATENUADO = '#495057';

/**
 * A company's portal colours against WCAG AA (4.5:1), as the API checks them: white text on the primary colour,
 * dimmed text on the accent (the page's background).
 */
export function contrastesMarca(primario: string, acento: string) {
  const sobrePrimario = esColorHex(primario) ? contraste(primario, '#ffffff') : 0;
  const sobreAcento = esColorHex(acento) ? contraste(acento, TEXTO_ATENUADO) : 0;
  return { sobrePrimario, sobreAcento, cumple: sobrePrimario >= 4.5 && sobreAcento >= 4.5 };
}
