import { aCsv } from '@/lib/csv';

export const columnasDocumentos = [
  'tipo',
  'folio',
  'rut',
  'fechaEmision',
  'fechaVencimiento',
  'moneda',
  'neto',
  'exento',
  'iva',
  'total',
  'externalId',
  'notas',
] as const;

/** Template CSV (with BOM so that Excel opens it as UTF-8). */
export function plantillaDocumentosCsv(): string {
  return (
    '\uFEFF' +
    aCsv([
      [...columnasDocumentos],
      [
        '33',
        '12345',
        '76.086.428-5',
        '01-03-2026',
        '31-03-2026',
        'CLP',
        '100000',
        '0',
        '19000',
        '119000',
        'ERP-12345',
        '',
      ],
    ])
  );
}

/**
 * Fields of POST /importaciones/documentos (ImportarDocumentosHandler.Campos) with the names the
 * columns usually have in ERP exports, for the column mapping.
 */
export const camposDocumentos = [
  {
    campo: 'tipo',
    etiqueta: 'Tipo',
    obligatorio: true,
    sinonimos: ['tipo documento', 'tipo doc', 'tipo dte', 'td'],
  },
  {
    campo: 'folio',
    etiqueta: 'Folio',
    obligatorio: true,
    sinonimos: ['numero', 'nro', 'nro documento', 'numero documento', 'n documento', 'num doc', 'documento'],
  },
  { campo: 'rut', etiqueta: 'RUT del cliente', sinonimos: ['rut cliente', 'rut receptor', 'rut deudor'] },
  { campo: 'clienteId', etiqueta: 'Id del cliente (en vez del RUT)', sinonimos: ['id cliente'] },
  {
    campo: 'fechaEmision',
    etiqueta: 'Fecha de emisión',
    obligatorio: true,
    sinonimos: ['emision', 'fecha documento', 'fecha doc', 'fecha'],
  },
  {
    campo: 'fechaVencimiento',
    etiqueta: 'Fecha de vencimiento',
    sinonimos: ['vencimiento', 'fecha venc', 'fecha vcto', 'vcto', 'vence'],
  },
  { campo: 'moneda', etiqueta: 'Moneda', sinonimos: ['divisa'] },
  { campo: 'neto', etiqueta: 'Neto', sinonimos: ['monto neto', 'afecto'] },
  { campo: 'exento', etiqueta: 'Exento', sinonimos: ['monto exento'] },
  { campo: 'iva', etiqueta: 'IVA', sinonimos: ['monto iva', 'impuesto'] },
  {
    campo: 'total',
    etiqueta: 'Total',
    obligatorio: true,
    sinonimos: ['monto total', 'total documento', 'monto', 'importe'],
  },
  { campo: 'externalId', etiqueta: 'Id externo (ERP)', sinonimos: ['id externo', 'id erp'] },
  { campo: 'notas', etiqueta: 'Notas', sinonimos: ['observaciones', 'glosa', 'comentario'] },
] as const satisfies readonly {
  campo: string;
  etiqueta: string;
  obligatorio?: boolean;
  sinonimos: readonly string[];
}[];
