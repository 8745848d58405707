/**
 * The field app's offline queue: each action (arrival, visit report, payment, promise) is kept with its own
 * Idempotency-Key until the server answers, so a retry after a lost connection is stored once (the server keeps the
 * first answer for the key, and a field payment also carries the key in its body for good).
 */
/** A file sent as multipart/form-data (a visit photo); IndexedDB keeps the Blob itself. */
export interface ArchivoPendiente {
  campo: string;
  nombre: string;
  tipo: string;
  datos: Blob;
}

export interface AccionPendiente {
  /** Also the Idempotency-Key sent with the request. */
  clave: string;
  url: string;
  /** JSON body; ignored when the action carries a file. */
  cuerpo: unknown;
  archivo?: ArchivoPendiente;
  /** What the collector sees in the pending list. */
  descripcion: string;
  creada: string;
}

/** Where the queue lives: IndexedDB in the browser (idb-keyval), a Map in tests. */
export interface AlmacenCola {
  leer(): Promise<AccionPendiente[]>;
  guardar(accion: AccionPendiente): Promise<void>;
  quitar(clave: string): Promise<void>;
}

let ultimaMarca = 0;

/**
 * An ISO timestamp later than the previous one from this page: the queue replays in this order, and an arrival, its
 * report and its photo taken in the same millisecond must still go in the order they were taken.
 */
export function marcaCreacion(ahora = Date.now()): string {
  ultimaMarca = Math.max(ahora, ultimaMarca + 1);
  return new Date(ultimaMarca).toISOString();
}

/**
 * The multipart/form-data body of a queued file, with a boundary derived from the action's key: every retry sends the
 * same bytes, which the server's Idempotency-Key check compares (a browser's FormData picks a new boundary each time,
 * and the server would take the retry for another request with the same key).
 */
export function cuerpoMultipart(
  clave: string,
  archivo: ArchivoPendiente,
): { cuerpo: Blob; tipoContenido: string } {
  const limite = `----cobranzas-terreno-${clave.replace(/[^A-Za-z0-9-]/g, '')}`;
  const seguro = (t: string) => t.replace(/["\r\n\\]/g, '_');
  const cabecera =
    `--${limite}\r\n` +
    `Content-Disposition: form-data; name="${seguro(archivo.campo)}"; filename="${seguro(archivo.nombre)}"\r\n` +
    `Content-Type: ${seguro(archivo.tipo || 'application/octet-stream')}\r\n\r\n`;
  return {
    cuerpo: new Blob([cabecera, archivo.datos, `\r\n--${limite}--\r\n`]),
    tipoContenido: `multipart/form-data; boundary=${limite}`,
  };
}

export type ResultadoEnvio = 'enviada' | 'rechazada' | 'reintentar';

/** Sends one action; a network failure throws. */
export type Enviar = (accion: AccionPendiente) => Promise<Response>;

/**
 * What to do with an answer: 2xx is done; a 4xx other than 408/409/429 will never succeed (the server refused the
 * data) and leaves the queue; 408/409 (same key still in flight)/429/5xx are retried later.
 */
export function clasificar(estado: number): ResultadoEnvio {
  if (estado >= 200 && estado < 300) return 'enviada';
  if (estado === 408 || estado === 409 || estado === 429 || estado >= 500) return 'reintentar';
  return 'rechazada';
}

export interface ResumenReenvio {
  enviadas: number;
  rechazadas: { accion: AccionPendiente; estado: number }[];
  pendientes: number;
}

export class ColaOffline {
  private enCurso: Promise<ResumenReenvio> | null = null;

  constructor(private readonly almacen: AlmacenCola) {}

  async encolar(accion: Omit<AccionPendiente, 'creada'> & { creada?: string }): Promise<AccionPendiente> {
    const a: AccionPendiente = { ...accion, creada: accion.creada ?? marcaCreacion() };
    await this.almacen.guardar(a);
    return a;
  }

  async pendientes(): Promise<AccionPendiente[]> {
    const todas = await this.almacen.leer();
    return todas.sort((x, y) => x.creada.localeCompare(y.creada) || x.clave.localeCompare(y.clave));
  }

  /**
   * Sends the queued actions in the order they were taken, one at a time (an arrival before its report). Stops at the
   * first network failure or retryable answer, keeping it and the rest. Two calls at once share one replay, so an
   * action is never in flight twice from the same phone.
   */
  reenviar(enviar: Enviar): Promise<ResumenReenvio> {
    if (!this.enCurso) {
      this.enCurso = this.reenviarUnaVez(enviar).finally(() => {
        this.enCurso = null;
      });
    }
    return this.enCurso;
  }

  private async reenviarUnaVez(enviar: Enviar): Promise<ResumenReenvio> {
    const resumen: ResumenReenvio = { enviadas: 0, rechazadas: [], pendientes: 0 };
    const cola = await this.pendientes();
    for (const [i, accion] of cola.entries()) {
      let estado: number;
      try {
        estado = (await enviar(accion)).status;
      } catch {
        resumen.pendientes = cola.length - i;
        return resumen;
      }
      const r = clasificar(estado);
      if (r === 'reintentar') {
        resumen.pendientes = cola.length - i;
        return resumen;
      }
      await this.almacen.quitar(accion.clave);
      if (r === 'enviada') resumen.enviadas++;
      else resumen.rechazadas.push({ accion, estado });
    }
    return resumen;
  }
}

export class AlmacenMemoria implements AlmacenCola {
  private readonly datos = new Map<string, AccionPendiente>();

  leer() {
    return Promise.resolve([...this.datos.values()]);
  }

  guardar(accion: AccionPendiente) {
    this.datos.set(accion.clave, accion);
    return Promise.resolve();
  }

  quitar(clave: string) {
    this.datos.delete(clave);
    return Promise.resolve();
  }
}
