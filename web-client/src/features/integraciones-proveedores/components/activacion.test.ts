import { describe, expect, it } from 'vitest';
import {
  cuerpoActivacion,
  erroresCredenciales,
} from '@/features/integraciones-proveedores/components/activacion';

describe('activación de un proveedor', () => {
  it('arma las credenciales con cada campo del adaptador, sin espacios', () => {
    const cuerpo = cuerpoActivacion(
      [{ nombre: 'apiKey' }, { nombre: 'secretKey' }],
      { apiKey: ' abc ', otro: 'x' },
      '',
      true,
    );
    expect(cuerpo).toEqual({
      credenciales: { apiKey: 'abc', secretKey: '' },
      urlBase: null,
      porDefecto: true,
    });
  });

  it('una URL base indicada apunta al sandbox del proveedor', () => {
    expect(cuerpoActivacion([], {}, ' https://sandbox.flow.cl/api ', false).urlBase).toBe(
      'https://sandbox.flow.cl/api',
    );
  });

  it('los errores del servidor quedan en el campo del formulario', () => {
    expect(
      erroresCredenciales({
        'credenciales.secretKey': ['requerido: Falta Secret Key (secretKey).'],
        urlBase: ['Mal'],
      }),
    ).toEqual({
      secretKey: 'Falta Secret Key (secretKey).',
      urlBase: 'Mal',
    });
  });
});
