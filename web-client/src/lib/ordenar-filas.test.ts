import { describe, expect, it } from 'vitest';
import { ordenarFilas } from '@/lib/ordenar-filas';

describe('ordenarFilas', () => {
  const filas = [
    { nombre: 'Ñandú SpA', saldo: '1000.5' },
    { nombre: 'alfa', saldo: 20 },
    { nombre: 'Beta', saldo: null },
    { nombre: 'Zeta', saldo: '300' },
  ];

  it('ordena montos como números aunque lleguen como texto, vacíos al final', () => {
    expect(ordenarFilas(filas, (f) => f.saldo, 'desc').map((f) => f.nombre)).toEqual([
      'Ñandú SpA',
      'Zeta',
      'alfa',
      'Beta',
    ]);
    expect(ordenarFilas(filas, (f) => f.saldo, 'asc').map((f) => f.nombre)).toEqual([
      'alfa',
      'Zeta',
      'Ñandú SpA',
      'Beta',
    ]);
  });

  it('ordena textos en orden español sin distinguir mayúsculas', () => {
    expect(ordenarFilas(filas, (f) => f.nombre, 'asc').map((f) => f.nombre)).toEqual([
      'alfa',
      'Beta',
      'Ñandú SpA',
      'Zeta',
    ]);
  });
});
