/** How a payment link's state reads and looks (the server already reports an unpaid link past its expiry as expirado). */
export const estadosEnlace: Record<string, { etiqueta: string; color: string }> = {
  activo: { etiqueta: 'Activo', color: 'blue.8' },
  pagado: { etiqueta: 'Pagado', color: 'teal.9' },
  rechazado: { etiqueta: 'Rechazado', color: 'red.8' },
  expirado: { etiqueta: 'Expirado', color: 'gray.8' },
  anulado: { etiqueta: 'Anulado', color: 'gray.8' },
};

export function estadoEnlace(estado: string) {
  return estadosEnlace[estado] ?? { etiqueta: estado, color: 'gray.8' };
}

/** The link still worth offering: active, with a URL, not past its expiry at `ahora`. */
export function enlaceVigente(
  e: { estado: string; url?: string | null; expira: string },
  ahora: Date,
): boolean {
  return e.estado === 'activo' && !!e.url && new Date(e.expira).getTime() > ahora.getTime();
}

/** The link to show first: the newest one still valid, else none. */
export function enlaceDestacado<T extends { estado: string; url?: string | null; expira: string }>(
  enlaces: readonly T[],
  ahora: Date,
): T | undefined {
  return enlaces.find((e) => enlaceVigente(e, ahora));
}
