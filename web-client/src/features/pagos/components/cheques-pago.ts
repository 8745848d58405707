import type { DatosPago } from '@/api/tipos-cartera';
import { numeroONulo, vacioANulo } from '@/lib/formulario';

/** One cheque of a payment as typed: a client often pays with several, each dated a month apart. */
export interface ChequeFormulario {
  fechaCheque: string | null;
  banco: string;
  numero: string;
  monto: number | string;
}

export const chequeVacio = (fecha: string | null = null): ChequeFormulario => ({
  fechaCheque: fecha,
  banco: '',
  numero: '',
  monto: '',
});

/** Banks that issue most cheques in Chile; the field also takes any other name. */
export const bancosChile = [
  'Banco de Chile',
  'Banco Estado',
  'Banco Santander',
  'Banco BCI',
  'Scotiabank',
  'Banco Itaú',
  'Banco Security',
  'Banco BICE',
  'Banco Falabella',
  'Banco Ripley',
  'Banco Consorcio',
  'Banco Internacional',
  'HSBC',
];

/** `Cheque N° 1234 Banco Estado`: the payment's reference, what the cheque board and the statement show. */
export function referenciaCheque(c: ChequeFormulario): string | null {
  const numero = c.numero.trim();
  const banco = c.banco.trim();
  return vacioANulo([numero && `Cheque N° ${numero}`, banco].filter(Boolean).join(' '));
}

/** A cheque dated after the day it is received stays en cartera until it is deposited and cleared. */
export function esChequeAFecha(c: ChequeFormulario, fechaRecepcion: string | null): boolean {
  return !!c.fechaCheque && !!fechaRecepcion && c.fechaCheque > fechaRecepcion;
}

export function totalCheques(cheques: readonly ChequeFormulario[]): number {
  return cheques.reduce((s, c) => s + (numeroONulo(c.monto) ?? 0), 0);
}

/** The errors of each cheque by field (`cheques.0.numero`), in Spanish, for the form. */
export function erroresCheques(cheques: readonly ChequeFormulario[]): Record<string, string> {
  const errores: Record<string, string> = {};
  cheques.forEach((c, i) => {
    if (!c.fechaCheque) errores[`cheques.${i}.fechaCheque`] = 'Indique la fecha del cheque.';
    if (!c.numero.trim()) errores[`cheques.${i}.numero`] = 'Indique el número del cheque.';
    if ((numeroONulo(c.monto) ?? 0) <= 0) errores[`cheques.${i}.monto`] = 'Ingrese un monto mayor que cero.';
  });
  return errores;
}

/**
 * One payment per cheque, received the same day: each has its own date and clears on its own. A cheque a fecha is
 * applied automatically when it is cashed (the server requires it); a cheque al día keeps the chosen application
 * when it is the only one.
 */
export function cuerposCheques(
  base: Omit<DatosPago, 'monto' | 'referencia' | 'fechaCheque' | 'canal'>,
  cheques: readonly ChequeFormulario[],
): DatosPago[] | null {
  if (cheques.length === 0 || Object.keys(erroresCheques(cheques)).length > 0) return null;
  return cheques.map((c) => {
    const manual = cheques.length === 1 && !esChequeAFecha(c, base.fecha) && base.aplicacion === 'manual';
    return {
      ...base,
      canal: 'cheque',
      monto: numeroONulo(c.monto) ?? 0,
      referencia: referenciaCheque(c),
      fechaCheque: c.fechaCheque,
      aplicacion: manual ? 'manual' : 'automatica',
      aplicaciones: manual ? base.aplicaciones : null,
    };
  });
}

/** `2026-01-31` plus one month is `2026-02-28`: the day is kept when the month has it. */
export function sumarMeses(fecha: string, meses: number): string {
  const [a, m, d] = fecha.split('-').map(Number) as [number, number, number];
  const total = a * 12 + (m - 1) + meses;
  const anio = Math.floor(total / 12);
  const mes = (total % 12) + 1;
  const dias = new Date(Date.UTC(anio, mes, 0)).getUTCDate();
  const dos = (n: number) => String(n).padStart(2, '0');
  return `${anio}-${dos(mes)}-${dos(Math.min(d, dias))}`;
}
