import { describe, expect, it } from 'vitest';
import {
  detectarSeparador,
  leerEncabezadosCsv,
  leerFilasCsv,
  mapeoParaEnviar,
  normalizarEncabezado,
  sugerirMapeo,
} from '@/lib/mapeo-columnas';

describe('normalizarEncabezado', () => {
  it('compara como el servidor: sin tildes, espacios ni puntuación', () => {
    expect(normalizarEncabezado('Fecha Emisión')).toBe('fechaemision');
    expect(normalizarEncabezado('fecha_emision')).toBe('fechaemision');
    expect(normalizarEncabezado('fechaEmision')).toBe('fechaemision');
    expect(normalizarEncabezado('N° Documento')).toBe('ndocumento');
  });
});

describe('leerEncabezadosCsv', () => {
  it('lee la primera línea con coma, sin BOM y con la primera fila de ejemplo', () => {
    const r = leerEncabezadosCsv('\uFEFFtipo,Nro Documento,total\r\n33,1001,119000\r\n33,1002,5\r\n');
    expect(r.encabezados).toEqual(['tipo', 'Nro Documento', 'total']);
    expect(r.ejemplo).toEqual(['33', '1001', '119000']);
  });

  it('detecta punto y coma y respeta comillas con separadores y saltos de línea', () => {
    const texto = '"Razón; social";"Monto\ntotal";Folio\n"Andes; SpA";"1.234,5";7\n';
    expect(detectarSeparador(texto)).toBe(';');
    const r = leerEncabezadosCsv(texto);
    expect(r.encabezados).toEqual(['Razón; social', 'Monto\ntotal', 'Folio']);
    expect(r.ejemplo).toEqual(['Andes; SpA', '1.234,5', '7']);
  });

  it('detecta tabuladores, quita columnas vacías al final y acepta un archivo sin filas', () => {
    const r = leerEncabezadosCsv('tipo\tfolio\t\t\n');
    expect(r.encabezados).toEqual(['tipo', 'folio']);
    expect(r.ejemplo).toBeNull();
  });

  it('comillas dobles escapadas y última fila sin salto de línea', () => {
    expect(leerFilasCsv('a,b\n"x ""y""",z', 5)).toEqual([
      ['a', 'b'],
      ['x "y"', 'z'],
    ]);
  });

  it('salta líneas vacías', () => {
    expect(leerFilasCsv('\n\na,b\n\n1,2\n', 5)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('sugerirMapeo', () => {
  const campos = [
    { campo: 'tipo', sinonimos: ['tipo documento'] },
    { campo: 'folio', sinonimos: ['nro documento', 'numero'] },
    { campo: 'fechaEmision', sinonimos: ['emision', 'fecha'] },
    { campo: 'fechaVencimiento', sinonimos: ['vencimiento'] },
    { campo: 'total', sinonimos: ['monto total', 'monto'] },
    { campo: 'notas' },
  ];

  it('prefiere el nombre exacto del campo, luego sinónimos, luego un nombre que lo contiene', () => {
    const r = sugerirMapeo(campos, [
      'Tipo Documento',
      'Nro. Documento',
      'Fecha Emisión',
      'Vencimiento',
      'Total CLP',
      'x',
    ]);
    expect(r).toEqual({
      tipo: 'Tipo Documento',
      folio: 'Nro. Documento',
      fechaEmision: 'Fecha Emisión',
      fechaVencimiento: 'Vencimiento',
      total: 'Total CLP',
      notas: null,
    });
  });

  it('no sugiere la misma columna para dos campos', () => {
    // "fecha" is a synonym of fechaEmision only; "Fecha Vencimiento" is fechaVencimiento's exact name.
    const r = sugerirMapeo(campos, ['Fecha', 'Fecha Vencimiento', 'Monto']);
    expect(r.fechaEmision).toBe('Fecha');
    expect(r.fechaVencimiento).toBe('Fecha Vencimiento');
    expect(r.total).toBe('Monto');
    expect(Object.values(r).filter((v) => v === 'Fecha')).toHaveLength(1);
  });

  it('un campo exacto gana aunque otro campo lo tenga como sinónimo', () => {
    const r = sugerirMapeo(
      [{ campo: 'total', sinonimos: ['monto'] }, { campo: 'monto' }],
      ['monto', 'total'],
    );
    expect(r).toEqual({ total: 'total', monto: 'monto' });
  });
});

describe('mapeoParaEnviar', () => {
  it('envía solo los campos con columna elegida', () => {
    expect(mapeoParaEnviar({ folio: 'Nro Documento', tipo: 'tipo', notas: null, iva: '' })).toEqual({
      folio: 'Nro Documento',
      tipo: 'tipo',
    });
  });
});
