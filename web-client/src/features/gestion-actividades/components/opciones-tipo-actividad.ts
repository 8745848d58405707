export const tiposDeActividad = [
  { value: 'llamada', label: 'Llamada' },
  { value: 'correo', label: 'Correo' },
  { value: 'visita', label: 'Visita' },
  { value: 'reunion', label: 'Reunión' },
  { value: 'carta', label: 'Carta' },
  { value: 'whatsapp', label: 'WhatsApp/SMS' },
  { value: 'compromiso_pago', label: 'Compromiso de pago' },
  { value: 'otro', label: 'Otro' },
];

export const canales = [
  { value: 'telefono', label: 'Teléfono (cuenta como llamada)' },
  { value: 'escrito', label: 'Escrito (correo, carta, mensaje)' },
  { value: 'presencial', label: 'Presencial (cuenta como visita)' },
];
