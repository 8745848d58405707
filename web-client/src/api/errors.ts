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
    super(problema.detail || problema.title || `Error HTTP ${status}`);
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

/** Human message for any error thrown by the API layer. */
export function mensajeDeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.problema.detail) return e.problema.detail;
    if (e.problema.title) return e.problema.title;
    if (e.status === 403) return 'No tiene permiso para esta acción.';
    if (e.status === 404) return 'No encontrado.';
    return `Error del servidor (HTTP ${e.status}).`;
  }
  if (e instanceof Error) return e.message;
  return 'Error inesperado.';
}
