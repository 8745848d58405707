import { etiquetaResultado } from '@/components/gestion/registrar-actividad-logica';

export type AccionRapida = 'llamada' | 'compromiso' | 'disputa';

export const titulosAccionRapida: Record<AccionRapida, string> = {
  llamada: 'Registrar llamada',
  compromiso: 'Tomar compromiso',
  disputa: 'Abrir disputa',
};

/** What the completed task records as its outcome, from what the form saved. */
export function resultadoLlamada(resultado: string | null | undefined): string {
  return `Llamada: ${resultado ? etiquetaResultado(resultado) : 'sin resultado'}`;
}
