export const TIPOS_CONVENIO = [
  { value: 'pago_en_cuotas', label: 'Pago en cuotas' },
  { value: 'condonacion_intereses', label: 'Condonación de intereses' },
  { value: 'quita_capital', label: 'Quita de capital' },
  { value: 'dacion_en_pago', label: 'Dación en pago' },
  { value: 'cesion_creditos', label: 'Cesión de créditos' },
];

export const ESTADOS_CONVENIO: Record<string, { etiqueta: string; color: string }> = {
  borrador: { etiqueta: 'Borrador', color: 'gray.7' },
  pendiente_aprobacion: { etiqueta: 'Pendiente de aprobación', color: 'yellow' },
  aprobado: { etiqueta: 'Aprobado', color: 'blue.8' },
  vigente: { etiqueta: 'Firmado (vigente)', color: 'green' },
  cumplido: { etiqueta: 'Cumplido', color: 'teal' },
  roto: { etiqueta: 'Roto', color: 'red.8' },
  anulado: { etiqueta: 'Anulado', color: 'gray' },
};

export const ESTADOS_CUOTA: Record<string, string> = {
  pendiente: 'Pendiente',
  pagada: 'Pagada',
  vencida: 'Vencida',
  sin_documento: 'Por firmar',
};

export function nombreTipoConvenio(tipo: string): string {
  return TIPOS_CONVENIO.find((t) => t.value === tipo)?.label ?? tipo;
}
