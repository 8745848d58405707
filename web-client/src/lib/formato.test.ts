import {
  aFechaIso,
  aNumero,
  formatearFecha,
  formatearFechaHora,
  formatearLimite,
  formatearNumero,
  formatearPesos,
  formatearPorcentaje,
} from '@/lib/formato';

describe('formato', () => {
  it('formats Chilean pesos', () => {
    expect(formatearPesos(1234567)).toBe('$1.234.567');
    expect(formatearPesos('1500')).toBe('$1.500');
    expect(formatearPesos(0)).toBe('$0');
    expect(formatearPesos(-2500)).toMatch(/^(-\$|\$-)2\.500$/);
    expect(formatearPesos(null)).toBe('');
  });

  it('formats numbers, limits and percentages', () => {
    expect(formatearNumero(5000)).toBe('5.000');
    expect(formatearNumero(12.5)).toBe('12,5');
    expect(formatearLimite(500, 'UF')).toBe('500 UF');
    expect(formatearLimite(null, 'UF')).toBe('Sin límite');
    expect(formatearLimite('2000000', 'CLP')).toBe('$2.000.000');
    expect(formatearPorcentaje(1.5)).toBe('1,5 %');
    expect(aNumero('abc')).toBeNull();
    expect(aNumero('12')).toBe(12);
  });

  it('formats dates as dd-mm-aaaa', () => {
    expect(formatearFecha('2024-03-05')).toBe('05-03-2024');
    expect(formatearFecha(new Date(2025, 11, 31, 23, 59))).toBe('31-12-2025');
    expect(formatearFecha(null)).toBe('');
    expect(formatearFecha('no es fecha')).toBe('');
    expect(formatearFechaHora(new Date(2025, 0, 2, 8, 5))).toBe('02-01-2025 08:05');
    expect(aFechaIso(new Date(2025, 0, 2))).toBe('2025-01-02');
    expect(aFechaIso('2025-07-09')).toBe('2025-07-09');
  });
});
