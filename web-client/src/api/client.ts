import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '@/api/generated/schema';
import { ApiError, aProblema } from '@/api/errors';
import { guardarToken, leerToken } from '@/lib/token';
import type { Consulta, ConsultaApi, Operacion } from '@/api/types';

const autenticacion: Middleware = {
  onRequest({ request }) {
    const token = leerToken();
    if (token && !request.headers.has('Authorization'))
      request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // Session expired or revoked: dropping the token makes RequiereSesion go to /login?volver=….
    if (response.status === 401 && request.headers.has('Authorization')) guardarToken(null);
    return response;
  },
};

/** Typed client of the Cobranzas API; same origin, relative URLs. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(autenticacion);

/**
 * Unwraps an openapi-fetch result: returns the data or throws an {@link ApiError}
 * carrying the RFC 9457 problem details.
 */
export async function ok<T>(
  promesa: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Exclude<T, undefined>> {
  const { data, error, response } = await promesa;
  if (!response.ok || error !== undefined)
    throw new ApiError(response.status, aProblema(error, response.status));
  return data as Exclude<T, undefined>;
}

/** Builds `?a=1&b=2` skipping empty values. */
export function consulta(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file from the API with the bearer token and saves it with the server's file name. */
/** Downloads a file the server builds; with `cuerpo`, by POST with that JSON body (a selection too long for a URL). */
export async function descargar(url: string, nombrePorDefecto: string, cuerpo?: unknown): Promise<void> {
  const headers = new Headers();
  const token = leerToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (cuerpo !== undefined) headers.set('Content-Type', 'application/json');
  const r = await fetch(
    url,
    cuerpo === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(cuerpo) },
  );
  if (!r.ok) {
    let cuerpo: unknown = null;
    try {
      cuerpo = await r.json();
    } catch {
      // not JSON
    }
    if (r.status === 401 && token) guardarToken(null);
    throw new ApiError(r.status, aProblema(cuerpo, r.status));
  }
  const blob = await r.blob();
  guardarBlob(blob, nombreDeArchivo(r.headers.get('Content-Disposition')) ?? nombrePorDefecto);
}

export function nombreDeArchivo(disposicion: string | null): string | null {
  if (!disposicion) return null;
  const utf8 = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposicion);
  if (utf8?.[1]) return decodeURIComponent(utf8[1].trim().replace(/^"|"$/g, ''));
  const simple = /filename="?([^";]+)"?/i.exec(disposicion);
  return simple?.[1]?.trim() ?? null;
}

export function guardarBlob(blob: Blob, nombre: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = nombre;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Passes camelCase query parameters (see {@link Consulta}) to the typed client. Only the
 * spelling of the keys differs, and the server matches query keys case-insensitively.
 */
export function comoConsulta<K extends Operacion>(consulta: Consulta<K>): ConsultaApi<K> {
  return consulta as unknown as ConsultaApi<K>;
}

/**
 * POSTs a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress, and returns
 * the answer's status and parsed JSON body. `onProgreso` receives 0–100 while the file is sent.
 */
export function subirFormulario(
  url: string,
  formulario: FormData,
  onProgreso?: (porcentaje: number) => void,
): Promise<{ status: number; ok: boolean; cuerpo: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = leerToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (onProgreso)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgreso(Math.round((e.loaded * 100) / e.total));
      };
    xhr.onload = () => {
      if (xhr.status === 401 && token) guardarToken(null);
      let cuerpo: unknown = null;
      try {
        cuerpo = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        cuerpo = xhr.responseText;
      }
      resolve({ status: xhr.status, ok: xhr.status >= 200 && xhr.status < 300, cuerpo });
    };
    xhr.onerror = () => reject(new Error('No se pudo conectar con el servidor.'));
    xhr.onabort = () => reject(new Error('Envío cancelado.'));
    xhr.send(formulario);
  });
}
