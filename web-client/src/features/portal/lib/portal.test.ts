import { describe, expect, it } from 'vitest';
import {
  alternar,
  etiquetaDocumento,
  etiquetaEstado,
  idsVencidos,
  textoVencimiento,
  tokenDeUrl,
  totalElegido,
} from '@/features/portal/lib/portal';

const docs = [
  { id: 'a', saldo: 119000, diasVencido: 10 },
  { id: 'b', saldo: '50000', diasVencido: 0 },
  { id: 'c', saldo: 1000, diasVencido: 1 },
];

describe('portal', () => {
  it('paga lo vencido: sólo documentos con días de atraso', () => {
    expect(idsVencidos(docs)).toEqual(['a', 'c']);
  });

  it('suma los saldos elegidos, también los que llegan como texto', () => {
    expect(totalElegido(docs, new Set(['a', 'b']))).toBe(169000);
    expect(totalElegido(docs, new Set())).toBe(0);
  });

  it('alternar agrega y quita sin mutar', () => {
    const inicial = new Set(['a']);
    const con = alternar(inicial, 'b');
    expect([...con]).toEqual(['a', 'b']);
    expect([...alternar(con, 'a')]).toEqual(['b']);
    expect([...inicial]).toEqual(['a']);
  });

  it('describe el vencimiento en español', () => {
    expect(textoVencimiento(3, '2026-11-27', '2026-11-30')).toBe('Vencido hace 3 días');
    expect(textoVencimiento(1, '2026-11-29', '2026-11-30')).toBe('Vencido hace 1 día');
    expect(textoVencimiento(0, '2026-11-30', '2026-11-30')).toBe('Vence hoy');
    expect(textoVencimiento(0, '2026-12-01', '2026-11-30')).toBe('Vence mañana');
    expect(textoVencimiento(0, '2026-12-10', '2026-11-30')).toBe('Vence en 10 días');
  });

  it('nombra estados y documentos', () => {
    expect(etiquetaEstado('en_revision')).toBe('En revisión');
    expect(etiquetaEstado('otro')).toBe('otro');
    expect(etiquetaDocumento('33', 101)).toBe('Factura N° 101');
  });

  it('lee el token del enlace y rechaza uno mal formado', () => {
    expect(tokenDeUrl('?token=abcdefghijklmnopqrstuvwxyz_-0123456789')).toBe(
      'abcdefghijklmnopqrstuvwxyz_-0123456789',
    );
    expect(tokenDeUrl('?token=<script>')).toBeNull();
    expect(tokenDeUrl('')).toBeNull();
  });
});
