import { consulta, nombreDeArchivo, ok } from '@/api/client';
import { ApiError, mensajeDeError } from '@/api/errors';

describe('api/client', () => {
  it('unwraps data and turns problem details into ApiError', async () => {
    const bien = { data: { id: '1' }, error: undefined, response: new Response(null, { status: 200 }) };
    await expect(ok(Promise.resolve(bien))).resolves.toEqual({ id: '1' });

    const problema = {
      data: undefined,
      error: {
        status: 409,
        title: 'Conflicto',
        detail: 'Ya existe un cliente con RUT 12531909-2.',
        errors: { rut: ['x'] },
      },
      response: new Response(null, { status: 409 }),
    };
    const e = await ok(Promise.resolve(problema)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(409);
    expect((e as ApiError).errores).toEqual({ rut: ['x'] });
    expect(mensajeDeError(e)).toBe('Ya existe un cliente con RUT 12531909-2.');

    const vacio = { data: undefined, error: '', response: new Response(null, { status: 403 }) };
    expect(mensajeDeError(await ok(Promise.resolve(vacio)).catch((x: unknown) => x))).toBe(
      'No tiene permiso para esta acción.',
    );
  });

  it('builds query strings without empty values', () => {
    expect(
      consulta({
        formato: 'csv',
        buscar: 'Ñuñoa & Cía',
        segmento: '',
        estado: undefined,
        cuentaClave: false,
      }),
    ).toBe('?formato=csv&buscar=%C3%91u%C3%B1oa+%26+C%C3%ADa&cuentaClave=false');
    expect(consulta({})).toBe('');
  });

  it('reads the file name of Content-Disposition', () => {
    expect(
      nombreDeArchivo("attachment; filename=clientes-20261123.csv; filename*=UTF-8''clientes-20261123.csv"),
    ).toBe('clientes-20261123.csv');
    expect(nombreDeArchivo('attachment; filename="lista clientes.xlsx"')).toBe('lista clientes.xlsx');
    expect(nombreDeArchivo("attachment; filename*=UTF-8''cr%C3%A9ditos.csv")).toBe('créditos.csv');
    expect(nombreDeArchivo(null)).toBeNull();
  });
});
