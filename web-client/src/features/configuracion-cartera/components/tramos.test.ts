import { describe, expect, it } from 'vitest';
import { ajustarPorcentajes, leerLimites, tramosDesdeLimites, vistaPreviaTramos } from './tramos';

describe('tramosDesdeLimites', () => {
  it('builds por vencer, one bucket per limit and the last open bucket', () => {
    expect(tramosDesdeLimites([30, 60, 90, 120]).map((t) => t.codigo)).toEqual([
      'por_vencer',
      '1-30',
      '31-60',
      '61-90',
      '91-120',
      'mas_120',
    ]);
    expect(tramosDesdeLimites([45])).toEqual([
      { codigo: 'por_vencer', desde: null, hasta: 0 },
      { codigo: '1-45', desde: 1, hasta: 45 },
      { codigo: 'mas_45', desde: 46, hasta: null },
    ]);
  });

  it('labels the preview in Spanish', () => {
    expect(vistaPreviaTramos([30, 60])).toEqual([
      'Por vencer',
      '1 a 30 días',
      '31 a 60 días',
      'Más de 60 días',
    ]);
  });
});

describe('leerLimites', () => {
  it('accepts spaces, commas and semicolons', () => {
    expect(leerLimites(' 30, 60;90  120 ')).toEqual({ ok: true, limites: [30, 60, 90, 120] });
  });

  it.each([
    ['', 'al menos un límite'],
    ['30 abc', 'no es un número'],
    ['30 30', 'creciente'],
    ['60 30', 'creciente'],
    ['0 30', 'de 1 a 3650'],
    ['30 4000', 'de 1 a 3650'],
    ['1 2 3 4 5 6 7 8 9 10 11', 'máximo 10'],
    ['30.5', 'no es un número'],
  ])('rejects %j', (texto, mensaje) => {
    const r = leerLimites(texto);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(mensaje);
  });
});

describe('ajustarPorcentajes', () => {
  const antes = [30, 60, 90, 120];
  const porcentajes = [1, 5, 10, 25, 50, 100];

  it('keeps the same percentages when the limits do not change', () => {
    expect(ajustarPorcentajes(antes, porcentajes, antes)).toEqual(porcentajes);
  });

  it('a split bucket gives both halves its percentage', () => {
    expect(ajustarPorcentajes(antes, porcentajes, [15, 30, 60, 90, 120])).toEqual([1, 5, 5, 10, 25, 50, 100]);
  });

  it('removing a limit drops its bucket and the merged bucket takes the percentage where it starts', () => {
    expect(ajustarPorcentajes(antes, porcentajes, [30, 90, 120])).toEqual([1, 5, 10, 50, 100]);
  });

  it('a new last bucket takes the percentage of the old bucket that held its first day', () => {
    // mas_90 starts at day 91, in the old 91-120 bucket.
    expect(ajustarPorcentajes(antes, porcentajes, [30, 60, 90])).toEqual([1, 5, 10, 25, 50]);
    // 121-180 and mas_180 start beyond 120: old mas_120.
    expect(ajustarPorcentajes(antes, porcentajes, [30, 60, 90, 120, 180])).toEqual([
      1, 5, 10, 25, 50, 100, 100,
    ]);
  });

  it('always returns one percentage per bucket', () => {
    for (const nuevos of [[10], [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560]])
      expect(ajustarPorcentajes(antes, porcentajes, nuevos)).toHaveLength(nuevos.length + 2);
  });
});
