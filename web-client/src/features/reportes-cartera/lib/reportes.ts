/** The filters every portfolio report takes (query parameters of the API and of the screen's URL). */
export interface FiltrosReporte {
  fechaCorte: string;
  segmento?: string;
  cobradorId?: string;
  carteraId?: string;
  grupoId?: string;
}

const claves = ['segmento', 'cobradorId', 'carteraId', 'grupoId'] as const;

/** Reads the filters from the screen's URL; an unreadable cut-off falls back to `hoy`. */
export function filtrosDeUrl(p: URLSearchParams, hoy: string): FiltrosReporte {
  const corte = p.get('fechaCorte') ?? '';
  const filtros: FiltrosReporte = { fechaCorte: /^\d{4}-\d{2}-\d{2}$/.test(corte) ? corte : hoy };
  for (const k of claves) {
    const v = p.get(k);
    if (v) filtros[k] = v;
  }
  return filtros;
}

/** The same filters as a query for another screen (the aging, a client), so a link keeps what is being looked at. */
export function consultaFiltros(f: FiltrosReporte, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  q.set('fechaCorte', f.fechaCorte);
  for (const k of claves) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** `2026-03-01` → `mar 2026` (the month of a series point). */
export function etiquetaMes(mesIso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(mesIso);
  if (!m) return mesIso;
  const nombres = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
  return `${nombres[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The month's last day (`2026-02-01` → `2026-02-28`): the cut-off of a series point, for links to the aging. */
export function finDeMes(mesIso: string): string {
  const [a, m] = mesIso.split('-').map(Number);
  if (!a || !m) return mesIso;
  const ultimo = new Date(Date.UTC(a, m, 0)).getUTCDate();
  return `${a}-${String(m).padStart(2, '0')}-${String(ultimo).padStart(2, '0')}`;
}
