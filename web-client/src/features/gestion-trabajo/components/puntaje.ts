/** The score's parts as the API returns them (see the description of GET /gestion/mi-trabajo). */
export interface PartesPuntaje {
  monto: number | string;
  mora: number | string;
  compromiso: number | string;
  cuentaClave: number | string;
  contacto: number | string;
  atraso: number | string;
}

/** Each factor with its label and its cap, in the order the formula lists them. */
export const factores: { clave: keyof PartesPuntaje; etiqueta: string; maximo: number }[] = [
  { clave: 'monto', etiqueta: 'Monto vencido', maximo: 30 },
  { clave: 'mora', etiqueta: 'Días de mora', maximo: 20 },
  { clave: 'compromiso', etiqueta: 'Compromiso', maximo: 25 },
  { clave: 'cuentaClave', etiqueta: 'Cuenta clave', maximo: 10 },
  { clave: 'contacto', etiqueta: 'Días sin contacto', maximo: 10 },
  { clave: 'atraso', etiqueta: 'Atraso de la tarea', maximo: 10 },
];

export const PUNTAJE_MAXIMO = factores.reduce((s, f) => s + f.maximo, 0);

const uno = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export function formatearPuntos(valor: number | string): string {
  return uno.format(Number(valor));
}

/** The parts that gave points, largest first, as "Monto vencido 24", for the badge's tooltip and screen readers. */
export function desglose(partes: PartesPuntaje): { etiqueta: string; puntos: number; maximo: number }[] {
  return factores
    .map((f) => ({ etiqueta: f.etiqueta, puntos: Number(partes[f.clave]), maximo: f.maximo }))
    .filter((p) => p.puntos > 0)
    .sort((a, b) => b.puntos - a.puntos);
}

/** Color of the score badge: red from 60, orange from 35, otherwise gray. */
export function colorPuntaje(puntaje: number | string): string {
  const p = Number(puntaje);
  return p >= 60 ? 'red' : p >= 35 ? 'orange' : 'gray';
}

export function etiquetaAccesible(puntaje: number | string, partes: PartesPuntaje): string {
  const d = desglose(partes)
    .map((p) => `${p.etiqueta} ${formatearPuntos(p.puntos)}`)
    .join(', ');
  return `Puntaje ${formatearPuntos(puntaje)} de ${PUNTAJE_MAXIMO}${d ? `: ${d}` : ''}`;
}
