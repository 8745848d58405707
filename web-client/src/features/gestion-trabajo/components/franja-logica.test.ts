import { describe, expect, it } from 'vitest';
import { cifrasFranja } from './franja-logica';

describe('franja de indicadores del cobrador', () => {
  it('muestra contactos, compromisos cumplidos de tomados y lo recaudado en pesos chilenos', () => {
    const cifras = cifrasFranja({
      cobradorId: 'c1',
      hoy: '2026-03-05',
      contactosHoy: 1,
      actividadesMes: 9,
      contactosMes: 6,
      compromisosTomadosMes: 3,
      montoComprometidoMes: 240000,
      compromisosCumplidosMes: 2,
      montoCumplidoMes: 160000,
      recaudadoMes: 1234567,
      definicion: '',
    });
    expect(cifras.map((c) => c.valor)).toEqual(['1', '6 de 9', '2 de 3 cumplidos', '$1.234.567']);
    expect(cifras[2]?.definicion).toContain('$240.000');
  });
});
