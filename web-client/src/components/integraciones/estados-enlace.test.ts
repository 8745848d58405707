import { describe, expect, it } from 'vitest';
import { enlaceDestacado, enlaceVigente, estadoEnlace } from '@/components/integraciones/estados-enlace';

const ahora = new Date('2026-11-30T12:00:00Z');
const enlace = (estado: string, expira: string, url: string | null = 'https://pago.test/x') => ({
  estado,
  expira,
  url,
});

describe('enlaces de pago', () => {
  it('un enlace activo con URL y sin vencer está vigente', () => {
    expect(enlaceVigente(enlace('activo', '2026-12-01T00:00:00Z'), ahora)).toBe(true);
  });

  it('un enlace vencido, pagado o sin URL no está vigente', () => {
    expect(enlaceVigente(enlace('activo', '2026-11-30T11:59:59Z'), ahora)).toBe(false);
    expect(enlaceVigente(enlace('pagado', '2026-12-01T00:00:00Z'), ahora)).toBe(false);
    expect(enlaceVigente(enlace('activo', '2026-12-01T00:00:00Z', null), ahora)).toBe(false);
  });

  it('destaca el primer enlace vigente de la lista (la más reciente primero)', () => {
    const lista = [
      enlace('anulado', '2026-12-05T00:00:00Z'),
      enlace('activo', '2026-12-04T00:00:00Z', 'https://a'),
      enlace('activo', '2026-12-03T00:00:00Z', 'https://b'),
    ];
    expect(enlaceDestacado(lista, ahora)?.url).toBe('https://a');
    expect(enlaceDestacado([enlace('pagado', '2026-12-05T00:00:00Z')], ahora)).toBeUndefined();
  });

  it('un estado desconocido se muestra tal cual', () => {
    expect(estadoEnlace('pagado').etiqueta).toBe('Pagado');
    expect(estadoEnlace('otro').etiqueta).toBe('otro');
  });
});
