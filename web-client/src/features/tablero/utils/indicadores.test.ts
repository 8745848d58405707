import { describe, expect, it } from 'vitest';
import { consultaFiltros, etiquetaMes, sumar, textoVariacion, variacion } from './indicadores';

describe('indicadores del tablero', () => {
  it('calcula la variación contra el mes anterior', () => {
    expect(variacion(150, 100)).toBe(50);
    expect(variacion('50', '200')).toBe(-75);
    expect(variacion(1, 3)).toBe(-66.7);
  });

  it('no compara contra cero ni contra nada', () => {
    expect(variacion(100, 0)).toBeNull();
    expect(variacion(100, null)).toBeNull();
    expect(variacion(undefined, 10)).toBeNull();
  });

  it('escribe la variación con signo y coma decimal', () => {
    expect(textoVariacion(12.5)).toBe('+12,5 %');
    expect(textoVariacion(-3)).toBe('−3 %');
    expect(textoVariacion(0)).toBe('0 %');
    expect(textoVariacion(null)).toBe('');
  });

  it('suma montos que llegan como texto', () => {
    expect(sumar(['1000', 2500, null, '0.5'])).toBe(3500.5);
  });

  it('pasa solo los filtros puestos a los enlaces', () => {
    expect(consultaFiltros({ fechaCorte: '2026-11-30', segmento: '', grupoId: null })).toBe(
      '?fechaCorte=2026-11-30',
    );
    expect(consultaFiltros({})).toBe('');
  });

  it('nombra cada cierre de mes del eje de la tendencia', () => {
    expect(etiquetaMes('2026-11-30')).toBe('nov 26');
    expect(etiquetaMes('2025-01-31')).toBe('ene 25');
  });
});
