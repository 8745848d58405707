import { describe, expect, it } from 'vitest';
import { AlmacenMemoria, ColaOffline, clasificar, type AccionPendiente } from './cola-offline';

const accion = (clave: string, creada: string): Omit<AccionPendiente, 'creada'> & { creada: string } => ({
  clave,
  url: '/api/v1/terreno/recibos',
  cuerpo: { claveIdempotencia: clave },
  descripcion: `Pago ${clave}`,
  creada,
});

const respuesta = (status: number) => new Response(null, { status });

describe('cola offline de terreno', () => {
  it('reenvía en el orden en que se tomaron y vacía la cola', async () => {
    const cola = new ColaOffline(new AlmacenMemoria());
    await cola.encolar(accion('b', '2026-11-30T10:00:01Z'));
    await cola.encolar(accion('a', '2026-11-30T10:00:00Z'));
    const enviadas: string[] = [];
    const r = await cola.reenviar(async (a) => {
      enviadas.push(a.clave);
      return respuesta(201);
    });
    expect(enviadas).toEqual(['a', 'b']);
    expect(r).toEqual({ enviadas: 2, rechazadas: [], pendientes: 0 });
    expect(await cola.pendientes()).toHaveLength(0);
  });

  it('sin red se detiene y conserva la acción con su misma clave', async () => {
    const cola = new ColaOffline(new AlmacenMemoria());
    await cola.encolar(accion('a', '2026-11-30T10:00:00Z'));
    await cola.encolar(accion('b', '2026-11-30T10:00:01Z'));
    const r = await cola.reenviar(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(r.pendientes).toBe(2);
    expect((await cola.pendientes()).map((a) => a.clave)).toEqual(['a', 'b']);
  });

  it('una respuesta 409 (la misma clave aún en curso) o 5xx se reintenta; un 422 sale de la cola', async () => {
    const cola = new ColaOffline(new AlmacenMemoria());
    await cola.encolar(accion('a', '2026-11-30T10:00:00Z'));
    await cola.encolar(accion('b', '2026-11-30T10:00:01Z'));
    let r = await cola.reenviar(async (a) => respuesta(a.clave === 'a' ? 422 : 409));
    expect(r.rechazadas.map((x) => [x.accion.clave, x.estado])).toEqual([['a', 422]]);
    expect((await cola.pendientes()).map((a) => a.clave)).toEqual(['b']);
    r = await cola.reenviar(async () => respuesta(200));
    expect(r.enviadas).toBe(1);
  });

  it('dos reenvíos a la vez envían cada acción una sola vez', async () => {
    const cola = new ColaOffline(new AlmacenMemoria());
    await cola.encolar(accion('a', '2026-11-30T10:00:00Z'));
    let envios = 0;
    const enviar = async () => {
      envios++;
      await new Promise((r) => setTimeout(r, 5));
      return respuesta(201);
    };
    await Promise.all([cola.reenviar(enviar), cola.reenviar(enviar)]);
    expect(envios).toBe(1);
  });

  it('clasifica las respuestas', () => {
    expect([200, 201, 400, 404, 408, 409, 422, 429, 500, 503].map(clasificar)).toEqual([
      'enviada',
      'enviada',
      'rechazada',
      'rechazada',
      'reintentar',
      'reintentar',
      'rechazada',
      'reintentar',
      'reintentar',
      'reintentar',
    ]);
  });
});
