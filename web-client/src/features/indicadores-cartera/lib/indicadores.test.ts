import { describe, expect, it } from 'vitest';
import { etiquetaMes, formatearIndicador, ordenarFilas, variacion } from './indicadores';

const fila = (nombre: string, cei: number, dsoSimple: number) => ({
  nombre,
  indicadores: {
    totalPorCobrar: 0,
    vencido: 0,
    vencidoMas90: 0,
    dsoCountback: 0,
    dsoSimple,
    mejorDso: 0,
    diasPromedioAtraso: 0,
    cei,
    indiceMorosidad: 0,
    participacionRiesgo: 0,
    perdidaIncobrables: 0,
    ventasCredito: 0,
    recaudado: 0,
  },
});

describe('indicadores de cartera', () => {
  it('formatea cada unidad en es-CL', () => {
    expect(formatearIndicador(42.11, '%')).toBe('42,11 %');
    expect(formatearIndicador('68.3', 'días')).toBe('68,3 días');
    expect(formatearIndicador(1, 'días')).toBe('1 día');
    expect(formatearIndicador(225000, 'CLP')).toMatch(/225\.000/);
    expect(formatearIndicador(null, '%')).toBe('');
  });

  it('ordena por indicador con desempate por nombre y por nombre con tildes', () => {
    const filas = [fila('Retail', 25, 69.75), fila('Mayorista', 100, 0), fila('Ágil', 25, 10)];
    expect(ordenarFilas(filas, { clave: 'cei', descendente: true }).map((f) => f.nombre)).toEqual([
      'Mayorista',
      'Ágil',
      'Retail',
    ]);
    expect(ordenarFilas(filas, { clave: 'nombre', descendente: false }).map((f) => f.nombre)).toEqual([
      'Ágil',
      'Mayorista',
      'Retail',
    ]);
    expect(ordenarFilas(filas, { clave: 'dsoSimple', descendente: false })[0]?.nombre).toBe('Mayorista');
  });

  it('calcula la variación contra el mes anterior y la omite sin base', () => {
    expect(variacion(110, 100)).toBe(10);
    expect(variacion('45', '60')).toBe(-25);
    expect(variacion(5, 0)).toBeNull();
    expect(variacion(5, undefined)).toBeNull();
  });

  it('nombra el mes de un punto de la tendencia', () => {
    expect(etiquetaMes('2026-03-31')).toBe('mar 2026');
    expect(etiquetaMes('2025-12-15')).toBe('dic 2025');
  });
});
