import { describe, expect, it } from 'vitest';
import { leerEncabezadosCsv, mapeoParaEnviar, sugerirMapeo } from '@/lib/mapeo-columnas';
import { faltantesMapeo } from '@/features/documentos/components/mapeo-documentos';
import { camposDocumentos, columnasDocumentos } from '@/features/documentos/components/plantilla-documentos';

describe('mapeo de columnas de documentos', () => {
  it('la plantilla se mapea sola, campo por campo', () => {
    const m = sugerirMapeo(camposDocumentos, [...columnasDocumentos]);
    for (const c of columnasDocumentos) expect(m[c]).toBe(c);
    expect(m.clienteId).toBeNull();
  });

  it('una exportación de ERP con nombres propios se sugiere por sinónimos', () => {
    const { encabezados } = leerEncabezadosCsv(
      'Tipo DTE;N° Documento;RUT Cliente;Fecha;Vcto;Monto Neto;IVA;Monto Total;Glosa\n33;1;1-9;01-03-2026;31-03-2026;100;19;119;x\n',
    );
    const m = sugerirMapeo(camposDocumentos, encabezados);
    expect(m).toMatchObject({
      tipo: 'Tipo DTE',
      folio: 'N° Documento',
      rut: 'RUT Cliente',
      fechaEmision: 'Fecha',
      fechaVencimiento: 'Vcto',
      neto: 'Monto Neto',
      iva: 'IVA',
      total: 'Monto Total',
      notas: 'Glosa',
      exento: null,
    });
    expect(faltantesMapeo({ tipo: 'csv', encabezados, ejemplo: null }, m)).toEqual({});
  });

  it('pide las columnas obligatorias y el RUT o el id del cliente', () => {
    const lectura = { tipo: 'csv' as const, encabezados: ['Correlativo', 'tipo'], ejemplo: null };
    const m = sugerirMapeo(camposDocumentos, lectura.encabezados);
    expect(Object.keys(faltantesMapeo(lectura, m)).sort()).toEqual(['fechaEmision', 'folio', 'rut', 'total']);
    const completo = { ...m, folio: 'Correlativo', fechaEmision: 'x', total: 'y', clienteId: 'z' };
    expect(faltantesMapeo(lectura, completo)).toEqual({});
    expect(mapeoParaEnviar(completo)).toMatchObject({ folio: 'Correlativo', tipo: 'tipo' });
  });

  it('un XLSX no se lee en el navegador: no exige columnas', () => {
    expect(faltantesMapeo({ tipo: 'xlsx', encabezados: [], ejemplo: null }, {})).toEqual({});
  });
});
