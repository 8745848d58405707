import { aNumero } from '@/lib/formato';

/** Change of `actual` against `anterior` in percent (one decimal); null when there is nothing to compare with. */
export function variacion(
  actual: number | string | null | undefined,
  anterior: number | string | null | undefined,
): number | null {
  const a = aNumero(actual);
  const b = aNumero(anterior);
  if (a === null || b === null || b === 0) return null;
  return Math.round(((a - b) / Math.abs(b)) * 1000) / 10;
}

/** `+12,5 %`, `−3 %`, `0 %` for a variation; empty for none. */
export function textoVariacion(v: number | null): string {
  if (v === null) return '';
  const n = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 1 }).format(Math.abs(v));
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${n} %`;
}

/** The sum of a list of amounts that may come as strings from the API. */
export function sumar(valores: (number | string | null | undefined)[]): number {
  return valores.reduce<number>((s, v) => s + (aNumero(v) ?? 0), 0);
}

/** Query string of the dashboard's filters, for the links to the reports (so a report opens with the same filters). */
export function consultaFiltros(filtros: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filtros)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** What each figure means, shown next to it. */
export const definiciones = {
  total: 'Saldo de todos los documentos abiertos a la fecha de corte, en pesos.',
  vencido:
    'Saldo cuya fecha de vencimiento ya pasó a la fecha de corte, y su porcentaje del total por cobrar.',
  dso: 'DSO (método countback): días de ventas a crédito, recorriendo los meses hacia atrás, que explican el saldo por cobrar.',
  cei: 'CEI: lo cobrado en el período dividido por lo cobrable (saldo inicial + ventas − saldo final no vencido), en porcentaje.',
  recaudado:
    'Pagos aplicados a documentos este mes (del 1 a la fecha de corte) frente al mes anterior completo, sin reversas.',
  compromisos:
    'Compromisos de pago pendientes con fecha en la semana de la fecha de corte (lunes a domingo).',
  pronostico: 'Cobros esperados por semana para las próximas 4 semanas, con su banda baja y alta.',
  deudores: 'Los 10 clientes con mayor saldo y su participación en el total por cobrar.',
  casos: 'Mayores saldos vencidos, compromisos incumplidos y disputas abiertas hace más de lo configurado.',
  antiguedad: 'Saldo por tramo de días desde el vencimiento a la fecha de corte.',
  tendencia: 'DSO y CEI al cierre de cada uno de los últimos 12 meses.',
} as const;

const meses = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** `2026-11-30` → `nov 26`, the label of a month-end on the trend's axis. */
export function etiquetaMes(corte: string): string {
  const [a, m] = corte.split('-');
  return `${meses[Number(m) - 1] ?? m} ${a?.slice(2) ?? ''}`;
}
