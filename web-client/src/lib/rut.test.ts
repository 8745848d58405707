import { avisoRut, digitoVerificador, formatearRut, limpiarRut, rutValido } from '@/lib/rut';

describe('rut', () => {
  it('computes check digits with modulo 11', () => {
    expect(digitoVerificador('12531909')).toBe('2');
    expect(digitoVerificador('12345678')).toBe('5');
    expect(digitoVerificador('11111111')).toBe('1');
    expect(digitoVerificador('76086428')).toBe('5');
    expect(digitoVerificador('10000013')).toBe('K');
    expect(digitoVerificador('14569484')).toBe('1');
    expect(digitoVerificador(6)).toBe('K');
    expect(digitoVerificador('11111117')).toBe('0');
    expect(digitoVerificador('1000005')).toBe('K');
  });

  it('validates in any format', () => {
    expect(rutValido('12.531.909-2')).toBe(true);
    expect(rutValido('12531909-2')).toBe(true);
    expect(rutValido('125319092')).toBe(true);
    expect(rutValido('12531909-3')).toBe(false);
    expect(rutValido('10.000.013-k')).toBe(true);
    expect(rutValido('0-0')).toBe(false);
    expect(rutValido('1-9')).toBe(false);
    expect(rutValido('99.999-7')).toBe(false);
    expect(rutValido('100.000-4')).toBe(true);
    expect(rutValido('abc')).toBe(false);
    expect(rutValido('')).toBe(false);
  });

  it('formats with dots and dash', () => {
    expect(formatearRut('125319092')).toBe('12.531.909-2');
    expect(formatearRut('12531909-2')).toBe('12.531.909-2');
    expect(formatearRut('1000013k')).toBe('1.000.013-K');
    expect(formatearRut('76.086.428-5')).toBe('76.086.428-5');
    expect(formatearRut('0012345678-5')).toBe('12.345.678-5');
    expect(formatearRut(null)).toBe('');
    expect(formatearRut('x')).toBe('x');
  });

  it('cleans and hints', () => {
    expect(limpiarRut(' 12.531.909-k ')).toBe('12531909K');
    expect(avisoRut('')).toBeNull();
    expect(avisoRut('12531909-2')).toBeNull();
    expect(avisoRut('12531909-3')).toMatch(/verificador/);
    expect(avisoRut('hola')).toMatch(/Formato/);
  });
});
