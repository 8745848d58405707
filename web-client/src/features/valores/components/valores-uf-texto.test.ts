import { describe, expect, it } from 'vitest';
import { leerValoresUf } from '@/features/valores/components/valores-uf-texto';

describe('leerValoresUf', () => {
  it('acepta dd-mm-aaaa con valor es-CL y aaaa-mm-dd con punto decimal', () => {
    const r = leerValoresUf('01-03-2026;39.123,45\n2026-03-02\t39124.5\n\n');
    expect(r.errores).toEqual([]);
    expect(r.valores).toEqual([
      { fecha: '2026-03-01', valor: 39123.45 },
      { fecha: '2026-03-02', valor: 39124.5 },
    ]);
  });
  it('informa las líneas malas', () => {
    const r = leerValoresUf('hola;1\n01-03-2026;-5');
    expect(r.valores).toEqual([]);
    expect(r.errores).toHaveLength(2);
  });
});
