import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '@/api/generated/schema';
import { ApiError, aProblema } from '@/api/errors';

type Esquemas = components['schemas'];
export type ResumenPortal = Esquemas['ResumenPortalDto'];
export type EstadoCuentaPortal = Esquemas['EstadoCuentaCliente'];
export type DocumentoPortal = Esquemas['DocumentoAbiertoCliente'];
export type PagoPortal = Esquemas['PagoCliente'];
export type SolicitudPortal = Esquemas['SolicitudPortalDto'];
export type EnlacePagoPortal = Esquemas['EnlacePagoCliente'];
export type SesionPortal = Esquemas['SesionPortalDto'];

/** The portal session lives in this tab only (sessionStorage), apart from the staff token. */
const CLAVE = 'cobranzas.portal.sesion';
export const ENCABEZADO_SESION = 'X-Portal-Sesion';

export function leerSesionPortal(): string | null {
  try {
    return sessionStorage.getItem(CLAVE);
  } catch {
    return null;
  }
}

export function guardarSesionPortal(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(CLAVE, token);
    else sessionStorage.removeItem(CLAVE);
  } catch {
    // storage unavailable: the session lasts until reload
  }
}

const sesionPortal: Middleware = {
  onRequest({ request }) {
    const token = leerSesionPortal();
    if (token) request.headers.set(ENCABEZADO_SESION, token);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) guardarSesionPortal(null);
    return response;
  },
};

/** The portal's own API client: portal session header, never the staff bearer token. */
export const apiPortal = createClient<paths>({ baseUrl: '' });
apiPortal.use(sesionPortal);

export async function okPortal<T>(
  promesa: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Exclude<T, undefined>> {
  const { data, error, response } = await promesa;
  if (!response.ok || error !== undefined)
    throw new ApiError(response.status, aProblema(error, response.status));
  return data as Exclude<T, undefined>;
}

/** Downloads a portal file (statement, document PDF) with the session header. */
export async function descargarPortal(url: string, nombre: string): Promise<void> {
  const headers = new Headers();
  const token = leerSesionPortal();
  if (token) headers.set(ENCABEZADO_SESION, token);
  const r = await fetch(url, { headers });
  if (!r.ok) throw new ApiError(r.status, aProblema(null, r.status));
  const blob = await r.blob();
  const enlace = document.createElement('a');
  enlace.href = URL.createObjectURL(blob);
  enlace.download = nombre;
  enlace.click();
  URL.revokeObjectURL(enlace.href);
}

export const clavesPortal = {
  todo: ['portal'] as const,
  resumen: ['portal', 'resumen'] as const,
  estado: (fechaCorte?: string) => ['portal', 'estado-cuenta', fechaCorte ?? 'hoy'] as const,
  solicitudes: ['portal', 'solicitudes'] as const,
  pagos: ['portal', 'pagos'] as const,
};
