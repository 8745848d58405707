/** Before/after comparison of audit snapshots (JSON strings). */
export interface Diferencia {
  campo: string;
  antes: string;
  despues: string;
}

function parsear(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    return { valor: v };
  } catch {
    return { valor: json };
  }
}

function texto(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Keys whose value changed (or only exist on one side), in a stable order. */
export function diferencias(
  antes: string | null | undefined,
  despues: string | null | undefined,
): Diferencia[] {
  const a = parsear(antes) ?? {};
  const d = parsear(despues) ?? {};
  const claves = [...new Set([...Object.keys(a), ...Object.keys(d)])];
  return claves
    .filter((k) => texto(a[k]) !== texto(d[k]) || !(k in a) !== !(k in d))
    .map((k) => ({ campo: k, antes: k in a ? texto(a[k]) : '', despues: k in d ? texto(d[k]) : '' }));
}
