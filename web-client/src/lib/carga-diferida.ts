import { isRouteErrorResponse } from 'react-router';
import { esModuloPerdido, mensajeDeError, mensajeDeEstado, mensajeModuloPerdido } from '@/api/errors';

const clave = 'cobranzas.recargado';

/**
 * Loads a lazy screen; when its chunk is gone (a redeploy renamed it, or the connection dropped) the page is
 * reloaded once to pick up the new index. A second failure within the minute is thrown for the route's error
 * screen, which says it in Spanish, instead of reloading forever.
 */
export async function cargarPantalla<T>(
  cargar: () => Promise<T>,
  almacen: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = sessionStorage,
  recargar: () => void = () => window.location.reload(),
  ahora: () => number = Date.now,
): Promise<T> {
  try {
    const modulo = await cargar();
    almacen.removeItem(clave);
    return modulo;
  } catch (e) {
    if (!esModuloPerdido(e)) throw e;
    const anterior = Number(almacen.getItem(clave) ?? 0);
    if (!anterior || ahora() - anterior > 60_000) {
      almacen.setItem(clave, String(ahora()));
      recargar();
      // Keeps the router waiting while the page reloads.
      return new Promise<T>(() => {});
    }
    throw e;
  }
}

/** Spanish text for whatever a route threw: never the browser's or the framework's English. */
export function mensajeDeErrorRuta(error: unknown): string {
  if (isRouteErrorResponse(error)) return mensajeDeEstado(error.status);
  if (esModuloPerdido(error)) return mensajeModuloPerdido;
  return mensajeDeError(error);
}
