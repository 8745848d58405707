/** Labels and colours of a message's state and of its events, shared by the log and the client page. */
export const estadosEnvio: Record<string, { etiqueta: string; color: string }> = {
  pendiente: { etiqueta: 'En cola', color: 'gray' },
  enviado: { etiqueta: 'Enviado', color: 'green' },
  fallido: { etiqueta: 'Fallido', color: 'red' },
  omitido: { etiqueta: 'Omitido', color: 'yellow' },
  rebotado: { etiqueta: 'Rebotado', color: 'orange' },
};

export const tiposEvento: Record<string, string> = {
  apertura: 'Apertura',
  clic: 'Clic',
  rebote: 'Rebote',
  rebote_temporal: 'Rebote temporal',
  baja: 'Anulación de suscripción',
  respuesta: 'Respuesta',
  respuesta_automatica: 'Respuesta automática',
  acuse: 'Acuse de recibo enviado',
};

/** Where the timeline of the client links an e-mail activity: the message for a sent mail, the reply for a reply. */
export function enlaceActividadCorreo(origen: string, origenId: string | null | undefined): string | null {
  if (!origenId) return null;
  if (origen === 'correo_enviado') return `/notificaciones/envios/${origenId}`;
  if (origen === 'correo_respuesta') return `/notificaciones/respuestas/${origenId}`;
  return null;
}
