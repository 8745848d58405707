import { describe, expect, it } from 'vitest';
import { mover, rangoVista, semanasDelMes } from '@/features/gestion-trabajo/components/calendario-fechas';

describe('calendario-fechas', () => {
  it('el mes va del 1 al último día; la semana de lunes a domingo', () => {
    expect(rangoVista('mes', '2026-02-14')).toEqual({ desde: '2026-02-01', hasta: '2026-02-28' });
    expect(rangoVista('semana', '2026-12-03')).toEqual({ desde: '2026-11-30', hasta: '2026-12-06' });
    expect(rangoVista('semana', '2026-12-06')).toEqual({ desde: '2026-11-30', hasta: '2026-12-06' });
    expect(rangoVista('dia', '2026-12-03')).toEqual({ desde: '2026-12-03', hasta: '2026-12-03' });
  });

  it('avanza y retrocede según la vista', () => {
    expect(mover('mes', '2026-01-31', 1)).toBe('2026-02-01');
    expect(mover('semana', '2026-12-03', -1)).toBe('2026-11-26');
    expect(mover('dia', '2026-12-31', 1)).toBe('2027-01-01');
  });

  it('la grilla del mes son semanas completas de lunes a domingo', () => {
    const semanas = semanasDelMes('2026-11-15');
    expect(semanas[0]![0]).toBe('2026-10-26');
    expect(semanas.at(-1)![6]).toBe('2026-12-06');
    expect(semanas.every((s) => s.length === 7)).toBe(true);
  });
});
