import { createStore, del, entries, set } from 'idb-keyval';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError, aProblema } from '@/api/errors';
import { leerToken } from '@/lib/token';
import {
  ColaOffline,
  cuerpoMultipart,
  marcaCreacion,
  type AccionPendiente,
  type AlmacenCola,
  type ArchivoPendiente,
} from './cola-offline';

const tienda = typeof indexedDB === 'undefined' ? null : createStore('cobranzas-terreno', 'cola');

/** The queue in IndexedDB, so it survives closing the app; without IndexedDB (tests) it lives in memory. */
const almacen: AlmacenCola = tienda
  ? {
      leer: async () => (await entries<string, AccionPendiente>(tienda)).map(([, v]) => v),
      guardar: (a) => set(a.clave, a, tienda),
      quitar: (clave) => del(clave, tienda),
    }
  : (() => {
      const m = new Map<string, AccionPendiente>();
      return {
        leer: async () => [...m.values()],
        guardar: async (a: AccionPendiente) => void m.set(a.clave, a),
        quitar: async (c: string) => void m.delete(c),
      };
    })();

export const cola = new ColaOffline(almacen);

let pendientes = 0;
const oyentes = new Set<() => void>();

async function actualizarPendientes() {
  pendientes = (await cola.pendientes()).length;
  oyentes.forEach((o) => o());
}

/** POSTs one action (JSON, or its file as multipart) with its key as Idempotency-Key; network failures throw. */
export function enviarAccion(a: AccionPendiente): Promise<Response> {
  const headers = new Headers({ 'Idempotency-Key': a.clave });
  const token = leerToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (a.archivo) {
    const { cuerpo, tipoContenido } = cuerpoMultipart(a.clave, a.archivo);
    headers.set('Content-Type', tipoContenido);
    return fetch(a.url, { method: 'POST', headers, body: cuerpo });
  }
  headers.set('Content-Type', 'application/json');
  return fetch(a.url, { method: 'POST', headers, body: JSON.stringify(a.cuerpo) });
}

/** Replays the queue now (on `online`, on opening the app). */
export async function reenviarCola(): Promise<number> {
  const r = await cola.reenviar(enviarAccion);
  await actualizarPendientes();
  return r.enviadas;
}

export type ResultadoAccion<T> = { enviada: true; datos: T } | { enviada: false };

/**
 * Sends an action now if there is a connection; without one (or if the request never reaches the server) it is queued
 * with the same key and sent when the connection returns. A server answer that is a problem throws {@link ApiError}.
 */
export async function enviarOEncolar<T>(
  url: string,
  cuerpo: unknown,
  descripcion: string,
  clave = crypto.randomUUID(),
  archivo?: ArchivoPendiente,
): Promise<ResultadoAccion<T>> {
  const accion: AccionPendiente = {
    clave,
    url,
    cuerpo,
    descripcion,
    creada: marcaCreacion(),
    ...(archivo ? { archivo } : {}),
  };
  if (navigator.onLine && pendientes === 0) {
    let r: Response | null = null;
    try {
      r = await enviarAccion(accion);
    } catch {
      r = null;
    }
    if (r && r.status !== 409 && r.status < 500) {
      const json: unknown = r.status === 204 ? null : await r.json().catch(() => null);
      if (!r.ok) throw new ApiError(r.status, aProblema(json, r.status));
      return { enviada: true, datos: json as T };
    }
  }
  await cola.encolar(accion);
  await actualizarPendientes();
  if (navigator.onLine) void reenviarCola();
  return { enviada: false };
}

/** How many actions wait on this phone; replays them whenever the browser says it is back online. */
export function usePendientes(alEnviar?: () => void): number {
  const n = useSyncExternalStore(
    (o) => {
      oyentes.add(o);
      return () => oyentes.delete(o);
    },
    () => pendientes,
  );
  useEffect(() => {
    const reenviar = () => {
      void reenviarCola().then((enviadas) => {
        if (enviadas > 0) alEnviar?.();
      });
    };
    reenviar();
    window.addEventListener('online', reenviar);
    return () => window.removeEventListener('online', reenviar);
  }, [alEnviar]);
  return n;
}

export function useEnLinea(): boolean {
  const [enLinea, setEnLinea] = useState(() => navigator.onLine);
  useEffect(() => {
    const si = () => setEnLinea(true);
    const no = () => setEnLinea(false);
    window.addEventListener('online', si);
    window.addEventListener('offline', no);
    return () => {
      window.removeEventListener('online', si);
      window.removeEventListener('offline', no);
    };
  }, []);
  return enLinea;
}
