/**
 * The field app's service worker (vite-plugin-pwa's `/sw.js`). It is registered from `/terreno` only and scoped to
 * `/terreno/`, so the staff screens and the client portal never run under it (a worker for the whole site answered
 * their navigations from its cache and hid API answers from the browser tests).
 */
export const ALCANCE_TERRENO = '/terreno/';
export const SCRIPT_TRABAJADOR = '/sw.js';

type Contenedor = Pick<ServiceWorkerContainer, 'register' | 'getRegistrations'>;

const contenedor = (): Contenedor | undefined =>
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;

/** Registers the field app's worker (only in a production build: the dev server and vitest serve none). */
export async function registrarTrabajadorTerreno(
  sw: Contenedor | undefined = contenedor(),
  produccion: boolean = import.meta.env.PROD,
): Promise<ServiceWorkerRegistration | null> {
  if (!sw || !produccion) return null;
  try {
    return await sw.register(SCRIPT_TRABAJADOR, { scope: ALCANCE_TERRENO });
  } catch {
    return null;
  }
}

/** Removes any worker an earlier build registered for the whole site; the field app's own stays. */
export async function quitarTrabajadoresFueraDeTerreno(
  sw: Contenedor | undefined = contenedor(),
  origen: string = typeof location === 'undefined' ? 'http://localhost' : location.origin,
): Promise<number> {
  if (!sw) return 0;
  let quitados = 0;
  try {
    for (const r of await sw.getRegistrations()) {
      if (new URL(r.scope, origen).pathname.startsWith(ALCANCE_TERRENO)) continue;
      if (await r.unregister()) quitados++;
    }
  } catch {
    // private mode or a browser that refuses: nothing to clean
  }
  return quitados;
}
