export interface NivelEditable {
  nombre: string;
  hastaUf: number | null;
  rolMinimo: string;
  aprobadoresRequeridos: number;
}

/** The level an amount in UF falls in, as the API decides it: the first whose ceiling (inclusive) covers it. */
export function nivelPara<T extends { hastaUf?: number | string | null }>(
  niveles: T[],
  montoUf: number,
): T | undefined {
  return (
    niveles.find((n) => n.hastaUf === null || n.hastaUf === undefined || montoUf <= Number(n.hastaUf)) ??
    niveles.at(-1)
  );
}

/** The same rule as the API's validator, so the form says what is wrong before saving. */
export function errorNiveles(niveles: NivelEditable[]): string | null {
  if (niveles.length === 0) return 'Agregue al menos un nivel.';
  if (niveles.some((n) => !n.nombre.trim())) return 'Cada nivel necesita un nombre.';
  if (niveles.at(-1)?.hastaUf !== null) return 'El último nivel va sin tope: cubre todo monto mayor.';
  for (let i = 0; i < niveles.length - 1; i++) {
    const tope = niveles[i]?.hastaUf ?? null;
    if (tope === null) return 'Sólo el último nivel puede ir sin tope.';
    const anterior = i > 0 ? (niveles[i - 1]?.hastaUf ?? null) : null;
    if (tope <= 0 || (anterior !== null && tope <= anterior))
      return 'Los topes en UF deben crecer de un nivel al siguiente.';
  }
  return null;
}
