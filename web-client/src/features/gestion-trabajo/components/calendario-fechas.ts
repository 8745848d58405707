export type Vista = 'mes' | 'semana' | 'dia';

function aUtc(iso: string): Date {
  const [a, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(a!, m! - 1, d!));
}

function aIso(f: Date): string {
  return f.toISOString().slice(0, 10);
}

export function sumarDias(iso: string, dias: number): string {
  const f = aUtc(iso);
  f.setUTCDate(f.getUTCDate() + dias);
  return aIso(f);
}

/** Monday of the week of `iso` (Chilean weeks start on Monday). */
export function lunes(iso: string): string {
  const dia = aUtc(iso).getUTCDay();
  return sumarDias(iso, dia === 0 ? -6 : 1 - dia);
}

/** The dates a view shows around `ancla`: the month (fits the API's 93-day limit), the Monday–Sunday week, or the day. */
export function rangoVista(vista: Vista, ancla: string): { desde: string; hasta: string } {
  if (vista === 'dia') return { desde: ancla, hasta: ancla };
  if (vista === 'semana') {
    const desde = lunes(ancla);
    return { desde, hasta: sumarDias(desde, 6) };
  }
  const f = aUtc(ancla);
  const desde = aIso(new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth(), 1)));
  const hasta = aIso(new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 0)));
  return { desde, hasta };
}

/** The anchor one step back (-1) or forward (+1) in the view. */
export function mover(vista: Vista, ancla: string, paso: -1 | 1): string {
  if (vista === 'dia') return sumarDias(ancla, paso);
  if (vista === 'semana') return sumarDias(ancla, 7 * paso);
  const f = aUtc(ancla);
  return aIso(new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + paso, 1)));
}

/** The month grid: whole weeks from the Monday before the 1st to the Sunday after the last day. */
export function semanasDelMes(ancla: string): string[][] {
  const { desde, hasta } = rangoVista('mes', ancla);
  const semanas: string[][] = [];
  for (let inicio = lunes(desde); inicio <= hasta; inicio = sumarDias(inicio, 7))
    semanas.push(Array.from({ length: 7 }, (_, i) => sumarDias(inicio, i)));
  return semanas;
}

const meses = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
export const diasSemana = ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'];

export function tituloVista(vista: Vista, ancla: string): string {
  const f = aUtc(ancla);
  const dd = (iso: string) => iso.slice(8, 10) + '-' + iso.slice(5, 7) + '-' + iso.slice(0, 4);
  if (vista === 'mes') return `${meses[f.getUTCMonth()]} ${f.getUTCFullYear()}`;
  if (vista === 'semana') {
    const { desde, hasta } = rangoVista('semana', ancla);
    return `Semana del ${dd(desde)} al ${dd(hasta)}`;
  }
  return `${diasSemana[(f.getUTCDay() + 6) % 7]} ${dd(ancla)}`;
}
