/** How the SPA names each task type. */
const tipos: Record<string, string> = {
  llamada: 'Llamada',
  visita: 'Visita',
  correo: 'Correo',
  whatsapp: 'WhatsApp',
  reunion: 'Reunión',
  carta: 'Carta',
  seguimiento: 'Seguimiento',
  verificar_compromiso: 'Verificar compromiso',
  seguimiento_compromiso: 'Compromiso incumplido',
  revisar_disputa: 'Revisar disputa',
  otro: 'Otro',
};

export const etiquetaTipo = (tipo: string) => tipos[tipo] ?? tipo;
