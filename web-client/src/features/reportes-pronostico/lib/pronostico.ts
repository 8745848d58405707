import { aNumero } from '@/lib/formato';

export interface SemanaGrafico {
  inicio: string;
  esperado: number | string;
  bajo: number | string;
  alto: number | string;
  deCompromisos: number | string;
}

/**
 * The chart's series: the bars split into the promised part and the part the model expects from history, and the
 * band drawn as two stacked areas (an invisible base at `bajo` and its width up to `alto`).
 */
export function seriesPronostico(semanas: SemanaGrafico[]) {
  const n = (v: number | string) => aNumero(v) ?? 0;
  return {
    compromisos: semanas.map((s) => n(s.deCompromisos)),
    historial: semanas.map((s) => Math.max(0, n(s.esperado) - n(s.deCompromisos))),
    bandaBase: semanas.map((s) => n(s.bajo)),
    bandaAncho: semanas.map((s) => Math.max(0, n(s.alto) - n(s.bajo))),
  };
}

/** How much smaller the model's error is than the naive baseline's, as a share (0.4 = 40 % less); null without a baseline. */
export function mejoraSobreIngenuo(maeModelo: number | string, maeIngenuo: number | string): number | null {
  const m = aNumero(maeModelo) ?? 0;
  const i = aNumero(maeIngenuo) ?? 0;
  if (i <= 0) return null;
  return 1 - m / i;
}

/** A sentence for the backtest figure: which one was closer to what came in, and by how much. */
export function resumenBacktest(maeModelo: number | string, maeIngenuo: number | string): string {
  const mejora = mejoraSobreIngenuo(maeModelo, maeIngenuo);
  if (mejora === null) return 'Sin historia suficiente para comparar.';
  const pct = Math.round(Math.abs(mejora) * 100);
  if (pct === 0) return 'El modelo y la referencia ingenua se equivocan lo mismo.';
  return mejora > 0
    ? `El modelo se equivoca un ${pct} % menos que suponer que cada documento se paga en su vencimiento.`
    : `El modelo se equivoca un ${pct} % más que suponer que cada documento se paga en su vencimiento.`;
}

export type Orden<K extends string> = { campo: K; descendente: boolean };

/** Sorts a page of rows by a field (dates as ISO text and amounts as numbers or decimal strings), stable. */
export function ordenarFilas<T, K extends string & keyof T>(filas: T[], orden: Orden<K>): T[] {
  const valor = (f: T): number | string => {
    const v = f[orden.campo] as unknown;
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    return String(v ?? '');
  };
  return filas
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const x = valor(a.f);
      const y = valor(b.f);
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'es');
      return (orden.descendente ? -c : c) || a.i - b.i;
    })
    .map((x) => x.f);
}

const etiquetas: Record<string, string> = {
  'historial del cliente': 'Historial del cliente',
  segmento: 'Segmento',
  empresa: 'Empresa',
  compromiso: 'Compromiso',
};

export function etiquetaBase(base: string): string {
  return etiquetas[base] ?? base;
}
