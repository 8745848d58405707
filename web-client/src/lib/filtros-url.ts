/** URL query ⇄ list filters, so that links (e.g. the aging drill-down) and back navigation keep them. */

const TAMANOS = [10, 25, 50, 100];

export const textoUrl = (p: URLSearchParams, k: string) => p.get(k)?.trim() || undefined;

export const fechaUrl = (p: URLSearchParams, k: string) => {
  const v = textoUrl(p, k);
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
};

/** `orden` when it is one of the offered options. */
export function ordenUrl(p: URLSearchParams, opciones: readonly { value: string }[]) {
  const orden = p.get('orden');
  return orden && opciones.some((o) => o.value === orden) ? orden : undefined;
}

export function paginadoUrl(p: URLSearchParams) {
  const tamano = Number(p.get('tamanoPagina'));
  return {
    pagina: Math.max(1, Number(p.get('pagina')) || 1),
    tamanoPagina: TAMANOS.includes(tamano) ? tamano : 25,
  };
}

/** Applies changes to the URL query; any filter change other than the page goes back to page 1. */
export function conCambios(
  p: URLSearchParams,
  cambios: Record<string, string | number | boolean | null | undefined>,
) {
  const n = new URLSearchParams(p);
  for (const [k, v] of Object.entries(cambios)) {
    if (v === undefined || v === null || v === '') n.delete(k);
    else n.set(k, String(v));
  }
  if (!('pagina' in cambios)) n.delete('pagina');
  return n;
}
