export const rolesContacto = [
  { value: 'cobranza', label: 'Cobranza' },
  { value: 'pagos', label: 'Pagos' },
  { value: 'comercial', label: 'Comercial' },
  { value: 'legal', label: 'Legal' },
];

export const canales = [
  { value: 'email', label: 'E-mail' },
  { value: 'telefono', label: 'Teléfono' },
  { value: 'whatsapp', label: 'WhatsApp' },
];
