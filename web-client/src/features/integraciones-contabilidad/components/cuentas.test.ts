import { describe, expect, it } from 'vitest';
import { claveRepetida, cuadratura, errorCuenta, filasCanales, filasParaGuardar, mesDe } from './cuentas';

describe('errorCuenta', () => {
  it('accepts the codes of a chart of accounts and rejects formulas, blanks and long codes', () => {
    expect(errorCuenta('1.1.05')).toBeNull();
    expect(errorCuenta('110501')).toBeNull();
    expect(errorCuenta('CL-01')).toBeNull();
    expect(errorCuenta('')).toBe('Indique la cuenta.');
    expect(errorCuenta('=1+1')).toMatch(/Solo dígitos/);
    expect(errorCuenta('1 1')).toMatch(/Solo dígitos/);
    expect(errorCuenta('1'.repeat(51))).toBe('Hasta 50 caracteres.');
  });
});

describe('filas de cuentas', () => {
  it('leaves out empty rows and channels without an account (they use the bank)', () => {
    expect(
      filasParaGuardar([
        { clave: ' efectivo ', cuenta: ' 1101 ' },
        { clave: 'cheque', cuenta: '' },
        { clave: '', cuenta: '' },
      ]),
    ).toEqual([{ clave: 'efectivo', cuenta: '1101' }]);
  });

  it('finds a repeated deposit account regardless of case', () => {
    expect(
      claveRepetida([
        { clave: 'Banco Estado 1', cuenta: '1102' },
        { clave: 'banco estado 1', cuenta: '1103' },
      ]),
    ).toBe('banco estado 1');
    expect(claveRepetida([{ clave: 'A', cuenta: '1' }])).toBeNull();
  });

  it('gives one row per channel in the API order', () => {
    expect(filasCanales(['efectivo', 'cheque', 'portal'], [{ clave: 'cheque', cuenta: '1104' }])).toEqual([
      { clave: 'efectivo', cuenta: '' },
      { clave: 'cheque', cuenta: '1104' },
      { clave: 'portal', cuenta: '' },
    ]);
  });
});

describe('cuadratura', () => {
  it('adds debits and credits per currency and says whether they balance', () => {
    expect(
      cuadratura([
        { cuenta: '1102', moneda: 'CLP', debe: 100, haber: 0 },
        { cuenta: '1105', moneda: 'CLP', debe: 0, haber: '100' },
        { cuenta: '1102', moneda: 'UF', debe: '1.5', haber: 0 },
      ]),
    ).toEqual([
      { moneda: 'CLP', debe: 100, haber: 100, cuadra: true },
      { moneda: 'UF', debe: 1.5, haber: 0, cuadra: false },
    ]);
  });
});

describe('mesDe', () => {
  it('gives the first and last day of the month, leap years included', () => {
    expect(mesDe('2028-02-10')).toEqual({ desde: '2028-02-01', hasta: '2028-02-29' });
    expect(mesDe('2026-11-30')).toEqual({ desde: '2026-11-01', hasta: '2026-11-30' });
  });
});
