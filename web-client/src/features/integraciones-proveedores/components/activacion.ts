/** The body of "Activar" from the form: each credential field trimmed; no base URL means the provider's production API. */
export function cuerpoActivacion(
  campos: readonly { nombre: string }[],
  valores: Record<string, string>,
  urlBase: string,
  porDefecto: boolean,
): { credenciales: Record<string, string>; urlBase: string | null; porDefecto: boolean } {
  const credenciales: Record<string, string> = {};
  for (const c of campos) credenciales[c.nombre] = (valores[c.nombre] ?? '').trim();
  return { credenciales, urlBase: urlBase.trim() || null, porDefecto };
}

/** Field errors of the server (`credenciales.secretKey`) keyed by the form's field names (`secretKey`). */
export function erroresCredenciales(errores: Record<string, string[]>): Record<string, string> {
  const r: Record<string, string> = {};
  for (const [clave, mensajes] of Object.entries(errores)) {
    const campo = clave.startsWith('credenciales.') ? clave.slice('credenciales.'.length) : clave;
    r[campo] = mensajes.map((m) => m.replace(/^[A-Za-z_][\w.]*:\s+/, '')).join(' ');
  }
  return r;
}

export const estadosProveedor: Record<string, { etiqueta: string; color: string }> = {
  inactivo: { etiqueta: 'Inactivo', color: 'gray.8' },
  activo: { etiqueta: 'Activo', color: 'teal.9' },
  solicitado: { etiqueta: 'Solicitado', color: 'blue.9' },
  desactivado: { etiqueta: 'Desactivado', color: 'red.9' },
};
