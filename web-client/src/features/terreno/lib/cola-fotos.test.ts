import { describe, expect, it } from 'vitest';
import {
  AlmacenMemoria,
  ColaOffline,
  cuerpoMultipart,
  marcaCreacion,
  type AccionPendiente,
  type ArchivoPendiente,
} from './cola-offline';

const foto = (): ArchivoPendiente => ({
  campo: 'archivo',
  nombre: 'fachada "local".jpg',
  tipo: 'image/jpeg',
  datos: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' }),
});

// jsdom's Blob has no arrayBuffer(); FileReader reads it (and Node's File, from Response.formData, too).
const bytes = (b: Blob) =>
  new Promise<Uint8Array<ArrayBuffer>>((listo, falla) => {
    if (typeof b.arrayBuffer === 'function') {
      b.arrayBuffer().then((a) => listo(new Uint8Array(a)), falla);
      return;
    }
    const lector = new FileReader();
    lector.onload = () => listo(new Uint8Array(lector.result as ArrayBuffer));
    lector.onerror = () => falla(lector.error);
    lector.readAsArrayBuffer(b);
  });

describe('fotos de visita en la cola offline', () => {
  it('el cuerpo multipart de una foto es el mismo en cada reintento con su clave', async () => {
    const archivo = foto();
    const a = cuerpoMultipart('clave-1', archivo);
    const b = cuerpoMultipart('clave-1', archivo);
    expect(await bytes(a.cuerpo)).toEqual(await bytes(b.cuerpo));
    expect(a.tipoContenido).toBe(b.tipoContenido);
    expect(cuerpoMultipart('clave-2', archivo).tipoContenido).not.toBe(a.tipoContenido);
  });

  it('el servidor lee del cuerpo el archivo con su nombre, tipo y contenido', async () => {
    const { cuerpo, tipoContenido } = cuerpoMultipart('6f1c', foto());
    const datos = await new Response(await bytes(cuerpo), {
      headers: { 'Content-Type': tipoContenido },
    }).formData();
    const archivo = datos.get('archivo') as File;
    expect(archivo.name).toBe('fachada _local_.jpg');
    expect(archivo.type).toBe('image/jpeg');
    expect(await bytes(archivo)).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  });

  it('la foto se guarda con su informe y se reenvía después de la llegada y el informe, con su clave', async () => {
    const cola = new ColaOffline(new AlmacenMemoria());
    const ahora = Date.parse('2026-11-30T14:00:00Z');
    // Taken in the same millisecond, and with keys that sort the other way round.
    await cola.encolar({
      clave: 'z-llegada',
      url: '/llegada',
      cuerpo: {},
      descripcion: 'Llegada',
      creada: marcaCreacion(ahora),
    });
    await cola.encolar({
      clave: 'y-informe',
      url: '/informe',
      cuerpo: {},
      descripcion: 'Informe',
      creada: marcaCreacion(ahora),
    });
    await cola.encolar({
      clave: 'x-foto',
      url: '/fotos',
      cuerpo: null,
      descripcion: 'Foto',
      archivo: foto(),
      creada: marcaCreacion(ahora),
    });

    const enviadas: AccionPendiente[] = [];
    let caida = true;
    const enviar = (a: AccionPendiente) => {
      if (a.archivo && caida) {
        caida = false;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      enviadas.push(a);
      return Promise.resolve(new Response(null, { status: 201 }));
    };

    const primera = await cola.reenviar(enviar);
    expect(primera).toMatchObject({ enviadas: 2, pendientes: 1 });
    const quedan = await cola.pendientes();
    expect(quedan.map((a) => a.clave)).toEqual(['x-foto']);
    expect(await bytes(quedan[0]!.archivo!.datos)).toHaveLength(7);

    const segunda = await cola.reenviar(enviar);
    expect(segunda).toMatchObject({ enviadas: 1, pendientes: 0 });
    expect(enviadas.map((a) => a.clave)).toEqual(['z-llegada', 'y-informe', 'x-foto']);
    expect(enviadas[2]!.archivo!.nombre).toBe('fachada "local".jpg');
  });
});
