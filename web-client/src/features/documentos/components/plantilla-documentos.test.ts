import { describe, expect, it } from 'vitest';
import {
  columnasDocumentos,
  plantillaDocumentosCsv,
} from '@/features/documentos/components/plantilla-documentos';

describe('plantilla de documentos', () => {
  it('tiene BOM, las columnas del servidor y una fila que cuadra', () => {
    const csv = plantillaDocumentosCsv();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [encabezado, ejemplo] = csv.slice(1).trim().split(/\r?\n/);
    const sep = encabezado?.includes(';') ? ';' : ',';
    expect(encabezado?.split(sep)).toEqual([...columnasDocumentos]);
    const v = ejemplo?.split(sep) ?? [];
    const n = (c: string) => Number(v[columnasDocumentos.indexOf(c as (typeof columnasDocumentos)[number])]);
    expect(n('neto') + n('exento') + n('iva')).toBe(n('total'));
  });
});
