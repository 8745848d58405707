import { ApiError } from '@/api/errors';

/** Removes the `regla: ` prefix of a server message (`NotEmpty: Debe indicar…` → `Debe indicar…`). */
export function sinRegla(mensaje: string): string {
  const m = /^([A-Za-z_][\w.]*):\s+(.+)$/s.exec(mensaje);
  return m?.[2] ?? mensaje;
}

/**
 * Splits the server's field errors into those that match a form field (by camelCase name,
 * including nested paths like `contactos[0].email` → `contactos.0.email`) and the rest.
 */
export function erroresDeCampos(
  error: unknown,
  campos: readonly string[],
): { campos: Record<string, string>; otros: string[] } {
  const resultado: { campos: Record<string, string>; otros: string[] } = { campos: {}, otros: [] };
  if (!(error instanceof ApiError)) return resultado;
  const conocidos = new Set(campos);
  for (const [clave, mensajes] of Object.entries(error.errores)) {
    const ruta = clave.replace(/\[(\d+)\]/g, '.$1');
    const texto = mensajes.map(sinRegla).join(' ');
    const campo = [clave, ruta, ruta.charAt(0).toLowerCase() + ruta.slice(1)].find((c) => conocidos.has(c));
    if (campo) resultado.campos[campo] = texto;
    else resultado.otros.push(clave === '$' || clave === '' ? texto : `${clave}: ${texto}`);
  }
  return resultado;
}
