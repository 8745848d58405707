/** An RFC 9457 problem details answer of the API, or a network failure. */
export interface DetalleProblema {
  status?: number | string | null;
  title?: string | null;
  detail?: string | null;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problema: DetalleProblema;

  constructor(status: number, problema: DetalleProblema) {
    super(problema.detail || problema.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problema = problema;
  }

  /** Field errors keyed by camelCase field name (e.g. `rut`, `contactos[0].email`). */
  get errores(): Record<string, string[]> {
    return this.problema.errors ?? {};
  }
}

export function esApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export function aProblema(valor: unknown, status: number): DetalleProblema {
  if (valor && typeof valor === 'object') {
    const v = valor as Record<string, unknown>;
    const errors =
      v.errors && typeof v.errors === 'object' && !Array.isArray(v.errors)
        ? Object.fromEntries(
            Object.entries(v.errors as Record<string, unknown>).map(([k, msgs]) => [
              k,
              Array.isArray(msgs) ? msgs.map(String) : [String(msgs)],
            ]),
          )
        : undefined;
    return {
      status: typeof v.status === 'number' ? v.status : status,
      title: typeof v.title === 'string' ? v.title : null,
      detail: typeof v.detail === 'string' ? v.detail : null,
      errors,
    };
  }
  if (typeof valor === 'string' && valor.trim()) return { status, title: null, detail: valor };
  return { status, title: null, detail: null };
}

/** Spanish sentence for an HTTP status without a (Spanish) explanation. */
export function mensajeDeEstado(status: number): string {
  switch (status) {
    case 0:
      return 'No se pudo conectar con el servidor. Revise su conexión e intente de nuevo.';
    case 400:
      return 'La solicitud tiene datos no válidos. Revise el formulario.';
    case 401:
      return 'Su sesión expiró. Vuelva a iniciar sesión.';
    case 403:
      return 'No tiene permiso para esta acción.';
    case 404:
      return 'No se encontró lo que busca; puede haber sido eliminado.';
    case 409:
      return 'Otra persona modificó estos datos. Recargue la página e intente de nuevo.';
    case 413:
      return 'El archivo es demasiado grande.';
    case 415:
      return 'El tipo de archivo no es aceptado.';
    case 422:
      return 'La operación no cumple las reglas del negocio.';
    case 429:
      return 'Demasiadas solicitudes seguidas. Espere un momento e intente de nuevo.';
    case 502:
    case 503:
    case 504:
      return 'El servidor no está disponible en este momento. Intente de nuevo en unos minutos.';
    default:
      return status >= 500
        ? 'Ocurrió un error en el servidor. Intente de nuevo; si se repite, avise al administrador.'
        : `No se pudo completar la operación (código ${status}).`;
  }
}

/**
 * Default English texts of ASP.NET Core / the HTTP reason phrases, which must never reach a person.
 * A problem whose title or detail is one of these (or plainly English) is replaced by {@link mensajeDeEstado}.
 */
const ingles =
  /^(not found|forbidden|unauthorized|bad request|conflict|internal server error|service unavailable|gateway timeout|bad gateway|too many requests|unprocessable (entity|content)|payload too large|unsupported media type|method not allowed|an error occurred while processing your request\.?|one or more validation errors occurred\.?|failed to fetch|network ?error|load failed)$/i;

/** True when the text looks like something written for a person in Spanish (not an English default). */
export function esTextoParaPersona(texto: string | null | undefined): texto is string {
  if (!texto || !texto.trim()) return false;
  const t = texto.trim();
  if (ingles.test(t)) return false;
  if (/^https?:\/\//i.test(t)) return false;
  // English framework messages ("The Foo field is required.", "Failed to fetch dynamically imported module").
  const palabrasIngles =
    /\b(the|is|was|were|failed|occurred|request|module|must|should|field|value|required|invalid)\b/i;
  const palabrasEspanol = /\b(el|la|los|las|de|del|no|un|una|es|debe|que|con|por|para|ya|existe|se)\b/i;
  if (palabrasIngles.test(t) && !palabrasEspanol.test(t) && !/[áéíóúñ¿¡]/i.test(t)) return false;
  return true;
}

/** Human message for any error thrown by the API layer. */
export function mensajeDeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (esTextoParaPersona(e.problema.detail)) return e.problema.detail;
    const campos = Object.values(e.errores)
      .flat()
      .filter((m) => esTextoParaPersona(m));
    if (campos.length > 0) return campos.join(' ');
    if (esTextoParaPersona(e.problema.title)) return e.problema.title;
    return mensajeDeEstado(e.status);
  }
  if (e instanceof TypeError || (e instanceof Error && /fetch|network|load failed/i.test(e.message)))
    return esModuloPerdido(e) ? mensajeModuloPerdido : mensajeDeEstado(0);
  if (e instanceof Error) return esTextoParaPersona(e.message) ? e.message : 'Ocurrió un error inesperado.';
  return 'Ocurrió un error inesperado.';
}

export const mensajeModuloPerdido =
  'No se pudo cargar esta pantalla: la aplicación se actualizó o se perdió la conexión. Recargue la página.';

/** A lazy-loaded screen whose chunk could not be fetched (a redeploy changed the file names, or the network dropped). */
export function esModuloPerdido(e: unknown): boolean {
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return /dynamically imported module|importing a module script failed|error loading dynamically imported|failed to load module script|chunkloaderror|loading chunk/i.test(
    m,
  );
}
