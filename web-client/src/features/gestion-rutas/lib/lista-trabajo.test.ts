import { describe, expect, it } from 'vitest';
import { aAgregar, candidatosDeLista, esUbicable, type ItemLista } from './lista-trabajo';

const item = (clienteId: string, motivo = 'Vencido'): ItemLista => ({
  clienteId,
  razonSocial: `Cliente ${clienteId}`,
  motivo,
  saldoVencido: 1000,
  diasMora: 10,
});

describe('lista de trabajo en el planificador de rutas', () => {
  it('deja cada cliente una vez, en el orden de prioridad de la lista', () => {
    const c = candidatosDeLista([item('b', 'Promesa vencida'), item('a'), item('b', 'Reclamo'), item('c')]);
    expect(c.map((x) => [x.clienteId, x.prioridad, x.motivo])).toEqual([
      ['b', 1, 'Promesa vencida'],
      ['a', 2, 'Vencido'],
      ['c', 3, 'Vencido'],
    ]);
  });

  it('sólo se ubican los clientes con coordenadas o comuna', () => {
    expect(esUbicable('cliente')).toBe(true);
    expect(esUbicable('comuna')).toBe(true);
    expect(esUbicable('sin_ubicacion')).toBe(false);
    expect(esUbicable(undefined)).toBe(false);
  });

  it('agrega los elegidos por prioridad, sin los que ya están ni los que no se pueden ubicar', () => {
    const candidatos = candidatosDeLista([item('a'), item('b'), item('c'), item('d')]);
    const origenes = { a: 'cliente', b: 'sin_ubicacion', c: 'comuna', d: 'cliente' };
    expect(aAgregar(candidatos, new Set(['d', 'c', 'b', 'a']), ['a'], origenes)).toEqual(['c', 'd']);
  });
});
