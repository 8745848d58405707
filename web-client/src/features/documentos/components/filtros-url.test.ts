import { describe, expect, it } from 'vitest';
import { filtrosDocumentosDesdeUrl } from '@/features/documentos/components/filtros-url';
import { conCambios } from '@/lib/filtros-url';

describe('filtros de documentos en la URL', () => {
  it('lee fechas válidas y descarta órdenes desconocidos', () => {
    const f = filtrosDocumentosDesdeUrl(
      new URLSearchParams('vencimientoDesde=2026-01-01&vencimientoHasta=malo&orden=x&tamanoPagina=50'),
    );
    expect(f.vencimientoDesde).toBe('2026-01-01');
    expect(f.vencimientoHasta).toBeUndefined();
    expect(f.orden).toBeUndefined();
    expect(f.tamanoPagina).toBe(50);
    expect(f.pagina).toBe(1);
  });
  it('un cambio de filtro vuelve a la página 1', () => {
    const n = conCambios(new URLSearchParams('pagina=3&estado=vencido'), { estado: null, tipo: '33' });
    expect(n.toString()).toBe('tipo=33');
  });
  it('oculta los pagados salvo que se pidan, se elija un estado o un tramo a otra fecha de corte', () => {
    const con = (q: string) => filtrosDocumentosDesdeUrl(new URLSearchParams(q)).conSaldo;
    expect(con('')).toBe(true);
    expect(con('incluirPagados=true')).toBeUndefined();
    expect(con('estado=pagado')).toBeUndefined();
    expect(con('tramo=91-120&fechaCorte=2026-01-31')).toBeUndefined();
    expect(con('tramo=91-120')).toBe(true);
  });
  it('el enlace de un tramo con los cedidos en administración delegada los pide solo junto al tramo', () => {
    const incluir = (q: string) => filtrosDocumentosDesdeUrl(new URLSearchParams(q)).incluirCedidosDelegados;
    expect(incluir('tramo=1-30&incluirCedidosDelegados=true')).toBe(true);
    expect(incluir('tramo=1-30')).toBeUndefined();
    expect(incluir('incluirCedidosDelegados=true')).toBeUndefined();
  });
});
