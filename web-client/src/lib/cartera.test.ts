import { describe, expect, it } from 'vitest';
import {
  decimalesMoneda,
  etiquetaTramo,
  formatearMonto,
  montoCompacto,
  nombreTipoDocumento,
  rangoVencimientoTramo,
  sumarDias,
  textoAplicacionAutomatica,
} from '@/lib/cartera';

describe('formatearMonto', () => {
  it('CLP sin decimales con separador de miles', () => {
    expect(formatearMonto(1234567, 'CLP')).toBe('$1.234.567');
    expect(formatearMonto('1234567.4', 'CLP')).toBe('$1.234.567');
    expect(formatearMonto(-5000, 'CLP')).toBe('-$5.000');
  });
  it('UF con hasta 4 decimales y la unidad después, USD con 2', () => {
    expect(formatearMonto(12.5, 'UF')).toBe('12,5 UF');
    expect(formatearMonto('1234.56789', 'UF')).toBe('1.234,5679 UF');
    expect(formatearMonto(5000, 'UF')).toBe('5.000 UF');
    expect(formatearMonto(1234.5, 'USD')).toBe('US$1.234,50');
  });
  it('vacío para null y moneda por omisión CLP', () => {
    expect(formatearMonto(null, 'CLP')).toBe('');
    expect(formatearMonto(1000, null)).toBe('$1.000');
  });
  it('decimales por moneda', () => {
    expect(decimalesMoneda('CLP')).toBe(0);
    expect(decimalesMoneda('uf')).toBe(4);
    expect(decimalesMoneda('USD')).toBe(2);
  });
});

describe('tramos de antigüedad', () => {
  it('etiquetas', () => {
    expect(etiquetaTramo('por_vencer')).toBe('Por vencer');
    expect(etiquetaTramo('1-30')).toBe('1 a 30 días');
    expect(etiquetaTramo('mas_120')).toBe('Más de 120 días');
    expect(etiquetaTramo({ codigo: 'x', desde: 200, hasta: null })).toBe('200 días o más');
  });
  it('rango de vencimiento para el detalle', () => {
    expect(rangoVencimientoTramo({ codigo: '1-30', desde: 1, hasta: 30 }, '2026-03-31')).toEqual({
      vencimientoDesde: '2026-03-01',
      vencimientoHasta: '2026-03-30',
    });
    expect(rangoVencimientoTramo({ codigo: 'por_vencer', desde: null, hasta: 0 }, '2026-03-31')).toEqual({
      vencimientoDesde: '2026-03-31',
    });
    expect(rangoVencimientoTramo({ codigo: 'mas_120', desde: 121, hasta: null }, '2026-03-31')).toEqual({
      vencimientoHasta: '2025-11-30',
    });
  });
  it('sumarDias cruza meses y años', () => {
    expect(sumarDias('2026-01-01', -1)).toBe('2025-12-31');
    expect(sumarDias('2024-02-28', 1)).toBe('2024-02-29');
  });
  it('nombres de tipo', () => {
    expect(nombreTipoDocumento('33')).toBe('Factura');
    expect(nombreTipoDocumento('zz')).toBe('zz');
  });
});

describe('textoAplicacionAutomatica', () => {
  it('dice el orden configurado por la empresa', () => {
    expect(textoAplicacionAutomatica('vencimiento')).toBe('Automática (vencimiento más antiguo primero)');
    expect(textoAplicacionAutomatica('emision')).toBe('Automática (emisión más antigua primero)');
    expect(textoAplicacionAutomatica('monto_menor')).toBe('Automática (monto menor primero)');
    expect(textoAplicacionAutomatica(undefined)).toBe('Automática');
  });
});

describe('montoCompacto', () => {
  it('abrevia los montos de un eje en el teléfono, en es-CL', () => {
    expect(montoCompacto(15_863_890, 'CLP')).toMatch(/^\$15,9 M/);
    expect(montoCompacto(1_200, 'UF')).toMatch(/UF$/);
  });
});
