import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { erroresPorLinea } from '@/features/pagos/components/errores-lineas';

describe('erroresPorLinea', () => {
  it('asigna cada error de línea al documento enviado en esa posición', () => {
    const e = new ApiError(422, {
      errors: {
        'aplicaciones[1].monto': ['excede_saldo: El monto 15000 supera el saldo pendiente 11900.'],
        aplicaciones: ['excede_disponible: Las aplicaciones suman 50000.'],
      },
    });
    expect(erroresPorLinea(e, ['d1', 'd2'])).toEqual({
      d2: 'El monto 15000 supera el saldo pendiente 11900.',
    });
  });
  it('nada para otros errores', () => {
    expect(erroresPorLinea(new Error('x'), ['d1'])).toEqual({});
  });
});
