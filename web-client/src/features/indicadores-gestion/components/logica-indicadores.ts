import { aNumero } from '@/lib/formato';

/** `yyyy-mm-dd` of the first day of the month of `fecha` (`yyyy-mm-dd`), `meses` months earlier (0: the same month). */
export function inicioMes(fecha: string, meses = 0): string {
  const [a, m] = fecha.split('-').map(Number) as [number, number];
  const total = a * 12 + (m - 1) - meses;
  const anio = Math.floor(total / 12);
  const mes = (total % 12) + 1;
  return `${anio}-${String(mes).padStart(2, '0')}-01`;
}

/** The whole month `yyyy-mm` as a period of dates. */
export function periodoDeMes(mes: string): { desde: string; hasta: string } {
  const [a, m] = mes.split('-').map(Number) as [number, number];
  const ultimo = new Date(Date.UTC(a, m, 0)).getUTCDate();
  return { desde: `${mes}-01`, hasta: `${mes}-${String(ultimo).padStart(2, '0')}` };
}

/** `2026-03` as `mar 2026`. */
export function etiquetaMes(mes: string): string {
  const nombres = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
  const [a, m] = mes.split('-').map(Number) as [number, number];
  return `${nombres[m - 1] ?? '?'} ${a}`;
}

export interface FilaCumplimiento {
  clave: string;
  nombre: string;
  hechos: number;
  cumplidos: number;
  rotos: number;
  pendientes: number;
  tasaCantidad?: number | string | null;
}

/** The chart's series by month: promises made, kept, broken and pending, and the kept rate (null when none decided). */
export function seriesCumplimiento(filas: FilaCumplimiento[]) {
  const ordenadas = [...filas].sort((a, b) => a.clave.localeCompare(b.clave));
  return {
    meses: ordenadas.map((f) => etiquetaMes(f.clave)),
    hechos: ordenadas.map((f) => f.hechos),
    cumplidos: ordenadas.map((f) => f.cumplidos),
    rotos: ordenadas.map((f) => f.rotos),
    pendientes: ordenadas.map((f) => f.pendientes),
    tasa: ordenadas.map((f) => aNumero(f.tasaCantidad ?? null)),
  };
}
