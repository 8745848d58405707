import { describe, expect, it } from 'vitest';
import { ordenarFilas } from '@/lib/ordenar-filas';
import { etiquetaMes, inicioMes, periodoDeMes, seriesCumplimiento } from './logica-indicadores';

describe('períodos', () => {
  it('retrocede meses cruzando el año', () => {
    expect(inicioMes('2026-02-17')).toBe('2026-02-01');
    expect(inicioMes('2026-02-17', 2)).toBe('2025-12-01');
    expect(inicioMes('2026-01-31', 11)).toBe('2025-02-01');
  });

  it('un mes va del primer al último día, también en febrero bisiesto', () => {
    expect(periodoDeMes('2028-02')).toEqual({ desde: '2028-02-01', hasta: '2028-02-29' });
    expect(periodoDeMes('2026-12')).toEqual({ desde: '2026-12-01', hasta: '2026-12-31' });
    expect(etiquetaMes('2026-03')).toBe('mar 2026');
  });
});

describe('series del gráfico de compromisos', () => {
  it('ordena por mes y deja sin tasa los meses sin compromisos decididos', () => {
    const s = seriesCumplimiento([
      {
        clave: '2026-03',
        nombre: '2026-03',
        hechos: 1,
        cumplidos: 0,
        rotos: 0,
        pendientes: 1,
        tasaCantidad: null,
      },
      {
        clave: '2026-01',
        nombre: '2026-01',
        hechos: 3,
        cumplidos: 1,
        rotos: 2,
        pendientes: 0,
        tasaCantidad: '33.3',
      },
    ]);
    expect(s.meses).toEqual(['ene 2026', 'mar 2026']);
    expect(s.hechos).toEqual([3, 1]);
    expect(s.tasa).toEqual([33.3, null]);
  });
});

describe('orden de tablas', () => {
  const filas = [
    { n: 'Beto', m: '50000' },
    { n: 'Ána', m: '160000.5' },
    { n: 'Carla', m: null },
  ];

  it('ordena montos decimales como números y deja los vacíos al final', () => {
    expect(ordenarFilas(filas, (f) => f.m, 'desc').map((f) => f.n)).toEqual(['Ána', 'Beto', 'Carla']);
    expect(ordenarFilas(filas, (f) => f.m, 'asc').map((f) => f.n)).toEqual(['Beto', 'Ána', 'Carla']);
  });

  it('ordena textos en español', () => {
    expect(ordenarFilas(filas, (f) => f.n, 'asc').map((f) => f.n)).toEqual(['Ána', 'Beto', 'Carla']);
  });
});
