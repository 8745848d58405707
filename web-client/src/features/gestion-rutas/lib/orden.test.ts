import { describe, expect, it } from 'vitest';
import { agregar, distanciaKm, largoKm, mover, quitar } from './orden';

describe('orden de la ruta', () => {
  it('mueve una visita hacia arriba, abajo o a otra posición', () => {
    expect(mover(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(mover(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(mover(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('un movimiento fuera de la lista no cambia nada', () => {
    expect(mover(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(mover(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });

  it('agrega un cliente una sola vez y lo quita', () => {
    expect(agregar(['a'], 'a')).toEqual(['a']);
    expect(agregar(['a'], 'b')).toEqual(['a', 'b']);
    expect(quitar(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('mide como el servidor (haversine) y salta lo que no tiene ubicación', () => {
    expect(distanciaKm([-33.45, -70.65], [-33.45, -70.6])).toBeCloseTo(4.639, 2);
    expect(largoKm([-33.45, -70.65], [[-33.45, -70.64], null, [-33.45, -70.63]])).toBeCloseTo(1.858, 2);
  });
});
