import { diferencias } from '@/lib/diferencias';

describe('diferencias', () => {
  it('lists changed, added and removed keys', () => {
    const r = diferencias(
      JSON.stringify({ rut: '1-9', razonSocial: 'A', segmento: 'Retail', extra: { a: 1 } }),
      JSON.stringify({ rut: '1-9', razonSocial: 'B', segmento: 'Retail', nuevo: null }),
    );
    expect(r).toEqual([
      { campo: 'razonSocial', antes: 'A', despues: 'B' },
      { campo: 'extra', antes: '{"a":1}', despues: '' },
      { campo: 'nuevo', antes: '', despues: 'null' },
    ]);
  });

  it('handles creation, deletion and invalid JSON', () => {
    expect(diferencias(null, '{"x":1}')).toEqual([{ campo: 'x', antes: '', despues: '1' }]);
    expect(diferencias('{"x":1}', null)).toEqual([{ campo: 'x', antes: '1', despues: '' }]);
    expect(diferencias('no json', null)).toEqual([{ campo: 'valor', antes: 'no json', despues: '' }]);
    expect(diferencias(null, null)).toEqual([]);
  });
});
