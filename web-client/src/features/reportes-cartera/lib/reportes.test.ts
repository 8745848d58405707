import { describe, expect, it } from 'vitest';
import { consultaFiltros, etiquetaMes, filtrosDeUrl, finDeMes } from './reportes';

describe('filtrosDeUrl', () => {
  it('lee los filtros y usa hoy si la fecha de corte no es válida', () => {
    const f = filtrosDeUrl(
      new URLSearchParams('fechaCorte=2026-13&segmento=Retail&cobradorId=abc'),
      '2026-11-30',
    );
    expect(f).toEqual({ fechaCorte: '2026-11-30', segmento: 'Retail', cobradorId: 'abc' });
  });

  it('conserva los filtros en el enlace a otra pantalla', () => {
    const q = consultaFiltros({ fechaCorte: '2026-10-31', grupoId: 'g1' }, { agrupar: 'cliente' });
    expect(q).toBe('fechaCorte=2026-10-31&grupoId=g1&agrupar=cliente');
  });
});

describe('meses', () => {
  it('nombra el mes y calcula su último día, también en años bisiestos', () => {
    expect(etiquetaMes('2026-03-01')).toBe('mar 2026');
    expect(finDeMes('2024-02-01')).toBe('2024-02-29');
    expect(finDeMes('2026-12-01')).toBe('2026-12-31');
  });
});
