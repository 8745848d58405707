/** Labels and colours of a message's state and of its events, shared by the log and the client page (dark shades: AA contrast as outline badges). */
export const estadosEnvio: Record<string, { etiqueta: string; color: string }> = {
  pendiente: { etiqueta: 'En cola', color: 'gray.8' },
  enviado: { etiqueta: 'Enviado', color: '#1e6b34' },
  fallido: { etiqueta: 'Fallido', color: 'red.9' },
  omitido: { etiqueta: 'Omitido', color: 'gray.8' },
  rebotado: { etiqueta: 'Rebotado', color: '#a33c00' },
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
