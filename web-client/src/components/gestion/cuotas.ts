/** The logic of the promise form, apart from the UI so it can be tested alone. */

export interface CuotaFormulario {
  fecha: string | null;
  monto: number | '';
}

export interface FormularioCompromiso {
  modo: 'documentos' | 'monto';
  documentoIds: string[];
  cuotas: CuotaFormulario[];
  canal: string;
  notas: string;
}

export const canalesCompromiso = [
  { value: 'telefono', label: 'Teléfono' },
  { value: 'correo', label: 'Correo' },
  { value: 'visita', label: 'Visita' },
  { value: 'portal', label: 'Portal' },
  { value: 'otro', label: 'Otro' },
];

/** `aaaa-mm-dd` plus days, in calendar terms (no time zone involved). */
export function sumarDias(fecha: string, dias: number): string {
  const [a, m, d] = fecha.split('-').map(Number);
  const f = new Date(Date.UTC(a!, m! - 1, d! + dias));
  return f.toISOString().slice(0, 10);
}

/** Splits a whole CLP amount in `n` installments every `cadaDias` days; the remainder goes to the last one. */
export function dividirEnCuotas(
  total: number,
  n: number,
  primeraFecha: string,
  cadaDias = 30,
): CuotaFormulario[] {
  const cantidad = Math.max(1, Math.floor(n));
  const base = Math.floor(total / cantidad);
  return Array.from({ length: cantidad }, (_, i) => ({
    fecha: sumarDias(primeraFecha, i * cadaDias),
    monto: i === cantidad - 1 ? total - base * (cantidad - 1) : base,
  }));
}

export function totalCuotas(cuotas: CuotaFormulario[]): number {
  return cuotas.reduce((s, c) => s + (typeof c.monto === 'number' ? c.monto : 0), 0);
}

/** Errors by form path (`cuotas.0.fecha`), in Spanish; the server checks the same again. */
export function validarCompromiso(
  f: FormularioCompromiso,
  hoy: string,
  saldoDocumentos: number | null,
): Record<string, string> {
  const errores: Record<string, string> = {};
  if (f.modo === 'documentos' && f.documentoIds.length === 0)
    errores.documentoIds = 'Elija al menos un documento.';
  if (f.cuotas.length === 0) errores.cuotas = 'Indique al menos una cuota.';
  const fechas = new Set<string>();
  f.cuotas.forEach((c, i) => {
    if (!c.fecha) errores[`cuotas.${i}.fecha`] = 'Indique la fecha.';
    else if (c.fecha < hoy) errores[`cuotas.${i}.fecha`] = 'La fecha no puede ser anterior a hoy.';
    else if (fechas.has(c.fecha)) errores[`cuotas.${i}.fecha`] = 'Dos cuotas no pueden tener la misma fecha.';
    if (c.fecha) fechas.add(c.fecha);
    if (c.monto === '' || c.monto <= 0) errores[`cuotas.${i}.monto`] = 'El monto debe ser mayor que 0.';
    else if (!Number.isInteger(c.monto)) errores[`cuotas.${i}.monto`] = 'El monto en CLP no lleva decimales.';
  });
  if (f.modo === 'documentos' && saldoDocumentos !== null && totalCuotas(f.cuotas) > saldoDocumentos)
    errores.cuotas = 'Las cuotas suman más que el saldo de los documentos elegidos.';
  return errores;
}

/** The request body: installments as the API takes them, documents only when the promise is of documents. */
export function cuerpoCompromiso(clienteId: string, f: FormularioCompromiso) {
  return {
    clienteId,
    documentoIds: f.modo === 'documentos' ? f.documentoIds : null,
    cuotas: f.cuotas.map((c) => ({ fecha: c.fecha ?? '', monto: typeof c.monto === 'number' ? c.monto : 0 })),
    canal: f.canal,
    notas: f.notas.trim() || null,
  };
}

export const estadosCompromiso: Record<string, { etiqueta: string; color: string }> = {
  pendiente: { etiqueta: 'Pendiente', color: 'blue' },
  cumplido: { etiqueta: 'Cumplido', color: 'green' },
  cumplido_parcial: { etiqueta: 'Cumplido parcial', color: 'yellow' },
  incumplido: { etiqueta: 'Incumplido', color: 'red' },
  anulado: { etiqueta: 'Anulado', color: 'gray' },
};

export const estadosDisputa: Record<string, { etiqueta: string; color: string }> = {
  abierta: { etiqueta: 'Abierta', color: 'orange' },
  en_revision: { etiqueta: 'En revisión', color: 'blue' },
  resuelta_cliente: { etiqueta: 'Resuelta a favor del cliente', color: 'green' },
  resuelta_empresa: { etiqueta: 'Resuelta a favor de la empresa', color: 'teal' },
};
