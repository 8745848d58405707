import { etapasCobranza } from '@/lib/etapas-cobranza';

/** Pure logic of the policy editor: the ordered steps, their moves and the checks the server also makes. */

export const ETAPAS = ['preventiva', 'administrativa', 'prejudicial', 'judicial'] as const;
export type Etapa = (typeof ETAPAS)[number];

export const ACCIONES = ['tarea', 'carta', 'correo', 'suspension', 'derivacion'] as const;
export type Accion = (typeof ACCIONES)[number];

export const ETIQUETA_ETAPA: Record<string, string> = Object.fromEntries(
  etapasCobranza.map((e) => [e.value, e.label]),
);

export const ETIQUETA_ACCION: Record<string, string> = {
  tarea: 'Tarea para el cobrador',
  carta: 'Carta (PDF)',
  suspension: 'Suspensión de crédito',
  derivacion: 'Derivación de etapa',
  correo: 'Correo electrónico (Notificaciones)',
};

export const DIAS_MIN = -60;
export const DIAS_MAX = 1000;

export interface Paso {
  nombre: string;
  etapa: string;
  dias: number;
  diasMinimosDesdeAnterior: number;
  montoMinimoVencido: number | null;
  segmentos: string[];
  soloCuentaClave: boolean;
  accion: string;
  tipoTarea: string | null;
  plantilla: string | null;
}

/** A new step after the last one: 15 days later, a name not taken yet. */
export function nuevoPaso(pasos: Paso[]): Paso {
  const ultimo = pasos.at(-1);
  const nombres = new Set(pasos.map((p) => p.nombre.trim().toLowerCase()));
  let n = pasos.length + 1;
  while (nombres.has(`paso ${n}`)) n++;
  return {
    nombre: `Paso ${n}`,
    etapa: ultimo?.etapa ?? 'administrativa',
    dias: Math.min(DIAS_MAX, ultimo ? ultimo.dias + 15 : 0),
    diasMinimosDesdeAnterior: 0,
    montoMinimoVencido: null,
    segmentos: [],
    soloCuentaClave: false,
    accion: 'tarea',
    tipoTarea: 'llamada',
    plantilla: null,
  };
}

export const agregar = (pasos: Paso[]): Paso[] => [...pasos, nuevoPaso(pasos)];

export const quitar = (pasos: Paso[], i: number): Paso[] => pasos.filter((_, j) => j !== i);

/** Moves step `i` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function mover(pasos: Paso[], i: number, delta: -1 | 1): Paso[] {
  const j = i + delta;
  if (i < 0 || i >= pasos.length || j < 0 || j >= pasos.length) return pasos;
  const copia = [...pasos];
  [copia[i], copia[j]] = [copia[j]!, copia[i]!];
  return copia;
}

export function actualizar(pasos: Paso[], i: number, cambios: Partial<Paso>): Paso[] {
  return pasos.map((p, j) => {
    if (j !== i) return p;
    const nuevo = { ...p, ...cambios };
    // Parameters belong to one action: switching it clears the other's.
    if (cambios.accion !== undefined && cambios.accion !== p.accion) {
      nuevo.tipoTarea = cambios.accion === 'tarea' ? (p.tipoTarea ?? 'llamada') : null;
      nuevo.plantilla = cambios.accion === 'carta' ? p.plantilla : null;
      if (cambios.accion === 'derivacion' && !['prejudicial', 'judicial'].includes(nuevo.etapa))
        nuevo.etapa = 'prejudicial';
    }
    return nuevo;
  });
}

/** Errors keyed as the server names them (`pasos[1].dias`), in Spanish. */
export function validar(pasos: Paso[]): Record<string, string> {
  const errores: Record<string, string> = {};
  const vistos = new Set<string>();
  pasos.forEach((p, i) => {
    const nombre = p.nombre.trim();
    if (!nombre) errores[`pasos[${i}].nombre`] = 'El nombre es obligatorio.';
    else if (nombre.length > 100) errores[`pasos[${i}].nombre`] = 'A lo más 100 caracteres.';
    else if (vistos.has(nombre.toLowerCase()))
      errores[`pasos[${i}].nombre`] = 'Otro paso ya tiene este nombre.';
    vistos.add(nombre.toLowerCase());
    if (!Number.isInteger(p.dias) || p.dias < DIAS_MIN || p.dias > DIAS_MAX)
      errores[`pasos[${i}].dias`] = `Entre ${DIAS_MIN} y ${DIAS_MAX} días.`;
    else if (i > 0 && p.dias <= pasos[i - 1]!.dias)
      errores[`pasos[${i}].dias`] = `Debe ser mayor que el del paso anterior (${pasos[i - 1]!.dias}).`;
    if (
      !Number.isInteger(p.diasMinimosDesdeAnterior) ||
      p.diasMinimosDesdeAnterior < 0 ||
      p.diasMinimosDesdeAnterior > 365
    )
      errores[`pasos[${i}].diasMinimosDesdeAnterior`] = 'Entre 0 y 365 días.';
    if (p.montoMinimoVencido !== null && p.montoMinimoVencido < 0)
      errores[`pasos[${i}].montoMinimoVencido`] = 'No puede ser negativo.';
    if (p.accion === 'derivacion' && !['prejudicial', 'judicial'].includes(p.etapa))
      errores[`pasos[${i}].etapa`] = 'Una derivación lleva a prejudicial o judicial.';
  });
  return errores;
}

/** "5 días antes del vencimiento", "el día del vencimiento", "15 días después". */
export function describirDias(dias: number): string {
  if (dias === 0) return 'el día del vencimiento';
  const n = Math.abs(dias);
  const unidad = n === 1 ? 'día' : 'días';
  return dias < 0 ? `${n} ${unidad} antes del vencimiento` : `${n} ${unidad} después del vencimiento`;
}

/** The body of PUT /gestion/politica-cobranza. */
export function cuerpo(pasos: Paso[]) {
  return {
    pasos: pasos.map((p) => ({
      ...p,
      nombre: p.nombre.trim(),
      tipoTarea: p.accion === 'tarea' ? (p.tipoTarea ?? 'llamada') : null,
      plantilla: p.accion === 'carta' && p.plantilla?.trim() ? p.plantilla : null,
    })),
  };
}
