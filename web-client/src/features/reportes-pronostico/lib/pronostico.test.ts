import { describe, expect, it } from 'vitest';
import {
  etiquetaBase,
  mejoraSobreIngenuo,
  ordenarFilas,
  resumenBacktest,
  seriesPronostico,
} from './pronostico';

describe('seriesPronostico', () => {
  it('separa lo prometido de lo esperado por historial y dibuja la banda como base + ancho', () => {
    const s = seriesPronostico([
      { inicio: '2026-11-30', esperado: 150, bajo: 100, alto: 210, deCompromisos: 50 },
      { inicio: '2026-12-07', esperado: '80', bajo: '80', alto: '80', deCompromisos: '0' },
    ]);
    expect(s).toEqual({
      compromisos: [50, 0],
      historial: [100, 80],
      bandaBase: [100, 80],
      bandaAncho: [110, 0],
    });
  });
});

describe('backtest', () => {
  it('mide la mejora contra la referencia ingenua', () => {
    expect(mejoraSobreIngenuo(40, 100)).toBeCloseTo(0.6);
    expect(mejoraSobreIngenuo('120', '100')).toBeCloseTo(-0.2);
    expect(mejoraSobreIngenuo(10, 0)).toBeNull();
  });
  it('lo dice en una frase', () => {
    expect(resumenBacktest(40, 100)).toBe(
      'El modelo se equivoca un 60 % menos que suponer que cada documento se paga en su vencimiento.',
    );
    expect(resumenBacktest(120, 100)).toContain('20 % más');
    expect(resumenBacktest(0, 0)).toBe('Sin historia suficiente para comparar.');
  });
});

describe('ordenarFilas', () => {
  const filas = [
    { id: 'a', saldo: '1000', fecha: '2026-12-10' },
    { id: 'b', saldo: '250.5', fecha: '2026-12-01' },
    { id: 'c', saldo: '1000', fecha: '2026-11-20' },
  ];
  it('ordena montos como números y es estable', () => {
    expect(ordenarFilas(filas, { campo: 'saldo', descendente: false }).map((f) => f.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(ordenarFilas(filas, { campo: 'saldo', descendente: true }).map((f) => f.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });
  it('ordena fechas ISO como texto', () => {
    expect(ordenarFilas(filas, { campo: 'fecha', descendente: false }).map((f) => f.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });
  it('nombra las bases en español', () => {
    expect(etiquetaBase('historial del cliente')).toBe('Historial del cliente');
    expect(etiquetaBase('otra')).toBe('otra');
  });
});
