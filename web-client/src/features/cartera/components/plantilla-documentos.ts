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
