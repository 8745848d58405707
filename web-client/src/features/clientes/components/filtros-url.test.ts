import { filtrosDesdeUrl } from '@/features/clientes/components/filtros-url';
import { conCambios } from '@/lib/filtros-url';

describe('filtros de clientes en la URL', () => {
  it('reads defaults and values', () => {
    expect(filtrosDesdeUrl(new URLSearchParams(''))).toEqual({
      buscar: undefined,
      segmento: undefined,
      grupoId: undefined,
      estado: undefined,
      ejecutivoId: undefined,
      cuentaClave: undefined,
      orden: undefined,
      pagina: 1,
      tamanoPagina: 25,
    });
    const f = filtrosDesdeUrl(
      new URLSearchParams('buscar=acme&cuentaClave=true&orden=-rut&pagina=3&tamanoPagina=50'),
    );
    expect(f).toMatchObject({
      buscar: 'acme',
      cuentaClave: true,
      orden: '-rut',
      pagina: 3,
      tamanoPagina: 50,
    });
    expect(filtrosDesdeUrl(new URLSearchParams('orden=malo&tamanoPagina=7')).orden).toBeUndefined();
  });

  it('resets the page when a filter changes', () => {
    const p = new URLSearchParams('buscar=a&pagina=4');
    expect(conCambios(p, { estado: 'vigente' }).toString()).toBe('buscar=a&estado=vigente');
    expect(conCambios(p, { pagina: 5 }).toString()).toBe('buscar=a&pagina=5');
    expect(conCambios(p, { buscar: '' }).toString()).toBe('');
  });
});
