import { describe, expect, it } from 'vitest';
import type { PagoResumen } from '@/api/tipos-cartera';
import { lineaTiempo } from '@/components/gestion/linea-tiempo';

const pago = (id: string, fecha: string) =>
  ({
    id,
    fecha,
    monto: 1000,
    moneda: 'CLP',
    canal: 'portal',
    referencia: 'flow 1',
  }) as unknown as PagoResumen;

describe('lineaTiempo', () => {
  it('mezcla actividades y pagos, el más reciente primero', () => {
    const entradas = lineaTiempo(
      [
        { id: 'a1', fecha: '2026-11-02T15:00:00Z' },
        { id: 'a2', fecha: '2026-11-05T09:00:00Z' },
      ],
      [pago('p1', '2026-11-04'), pago('p2', '2026-11-01')],
    );
    expect(entradas.map((e) => e.clave)).toEqual(['a-a2', 'p-p1', 'a-a1', 'p-p2']);
    expect(entradas[1]).toMatchObject({ tipo: 'pago', pago: { canal: 'portal' } });
  });

  it('sin pagos deja las actividades en su orden', () => {
    expect(lineaTiempo([{ id: 'x', fecha: '2026-01-01T00:00:00Z' }], []).map((e) => e.clave)).toEqual([
      'a-x',
    ]);
  });
});
