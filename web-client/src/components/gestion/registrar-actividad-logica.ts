import type { Cuerpo } from '@/api/types';
import { formatearFechaHora } from '@/lib/formato';

/** The contact rules refused the activity: the rule's code, its Spanish message and when it will be allowed. */
export class BloqueoContactoError extends Error {
  readonly regla: string;
  readonly siguientePermitido: string | null;

  constructor(regla: string, mensaje: string, siguientePermitido: string | null) {
    super(mensaje);
    this.name = 'BloqueoContactoError';
    this.regla = regla;
    this.siguientePermitido = siguientePermitido;
  }
}

export const resultados = [
  { value: 'contactado', label: 'Contactado' },
  { value: 'no_contesta', label: 'No contesta' },
  { value: 'buzon_voz', label: 'Buzón de voz' },
  { value: 'numero_equivocado', label: 'Número equivocado' },
  { value: 'promesa', label: 'Promesa de pago' },
  { value: 'disputa', label: 'Disputa' },
  { value: 'pago', label: 'Pagó' },
  { value: 'se_niega', label: 'Se niega a pagar' },
] as const;

export const etiquetaResultado = (r: string | null | undefined): string =>
  resultados.find((x) => x.value === r)?.label ?? r ?? '';

export const etiquetasCanal: Record<string, string> = {
  telefono: 'Teléfono',
  escrito: 'Escrito',
  presencial: 'Presencial',
};

export interface ValoresActividad {
  tipoActividadId: string | null;
  resultado: string | null;
  notas: string;
  /** yyyy-mm-dd or empty. */
  proximaAccion: string;
  documentoIds: string[];
  motivoExcepcion: string;
}

export const valoresVacios = (): ValoresActividad => ({
  tipoActividadId: null,
  resultado: null,
  notas: '',
  proximaAccion: '',
  documentoIds: [],
  motivoExcepcion: '',
});

export const LARGO_NOTAS = 4000;
export const LARGO_MOTIVO = 500;
export const TAMANO_MAXIMO_ADJUNTO = 20 * 1024 * 1024;

/** Field errors of the form before it is sent (Spanish, by field). */
export function validarActividad(
  v: ValoresActividad,
  hoy: string,
  archivo?: { size: number } | null,
): Partial<Record<keyof ValoresActividad | 'archivo', string>> {
  const errores: Partial<Record<keyof ValoresActividad | 'archivo', string>> = {};
  if (!v.tipoActividadId) errores.tipoActividadId = 'Elija el tipo de actividad.';
  if (v.notas.length > LARGO_NOTAS) errores.notas = `Las notas admiten hasta ${LARGO_NOTAS} caracteres.`;
  if (v.motivoExcepcion.length > LARGO_MOTIVO)
    errores.motivoExcepcion = `El motivo admite hasta ${LARGO_MOTIVO} caracteres.`;
  if (v.proximaAccion && v.proximaAccion < hoy)
    errores.proximaAccion = 'La próxima acción no puede ser anterior a hoy.';
  if (archivo && archivo.size > TAMANO_MAXIMO_ADJUNTO)
    errores.archivo = 'El archivo supera el máximo de 20 MB.';
  return errores;
}

/** The request body: blanks become null, the override reason only when the caller may give one. */
export function aCuerpoActividad(
  clienteId: string,
  v: ValoresActividad,
  puedeExceptuar: boolean,
): Cuerpo<'RegistrarActividad'> {
  const texto = (s: string) => (s.trim() ? s.trim() : null);
  return {
    clienteId,
    tipoActividadId: v.tipoActividadId ?? '',
    fecha: null,
    resultado: v.resultado,
    notas: texto(v.notas),
    proximaAccion: v.proximaAccion || null,
    documentoIds: v.documentoIds.length ? v.documentoIds : null,
    motivoExcepcion: puedeExceptuar ? texto(v.motivoExcepcion) : null,
  };
}

/** The message shown when the rules block the contact. */
export function mensajeBloqueo(b: BloqueoContactoError): string {
  return b.siguientePermitido
    ? `${b.message} Próximo contacto permitido: ${formatearFechaHora(b.siguientePermitido)}.`
    : b.message;
}
