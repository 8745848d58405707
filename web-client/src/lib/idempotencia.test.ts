import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { ClaveIdempotencia } from '@/lib/idempotencia';

describe('ClaveIdempotencia', () => {
  it('repite la clave tras una falla de red y la renueva cuando el servidor responde', async () => {
    const clave = new ClaveIdempotencia();
    const usadas: string[] = [];
    const caida = (c: string) => {
      usadas.push(c);
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    const respuesta = (c: string) => {
      usadas.push(c);
      return Promise.resolve('ok');
    };

    await expect(clave.enviar(caida)).rejects.toThrow('Failed to fetch');
    await expect(clave.enviar(respuesta)).resolves.toBe('ok');
    await clave.enviar(respuesta);

    expect(usadas[1]).toBe(usadas[0]);
    expect(usadas[2]).not.toBe(usadas[1]);
  });

  it('renueva la clave cuando el servidor rechaza la solicitud', async () => {
    const clave = new ClaveIdempotencia();
    const usadas: string[] = [];
    const rechazo = (c: string) => {
      usadas.push(c);
      return Promise.reject(new ApiError(422, { title: 'Regla', status: 422 }));
    };

    await expect(clave.enviar(rechazo)).rejects.toBeInstanceOf(ApiError);
    await expect(clave.enviar(rechazo)).rejects.toBeInstanceOf(ApiError);

    expect(usadas[1]).not.toBe(usadas[0]);
  });
});
