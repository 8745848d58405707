import { aCsv } from '@/lib/csv';

export const columnasImportacion = [
  'rut',
  'razonSocial',
  'nombreFantasia',
  'giro',
  'direccion',
  'comuna',
  'region',
  'segmento',
  'cuentaClave',
  'contactoNombre',
  'contactoEmail',
  'contactoTelefono',
  'contactoRol',
] as const;

/** Template CSV (with BOM so that Excel opens it as UTF-8). */
export function plantillaCsv(): string {
  return (
    '\uFEFF' +
    aCsv([
      [...columnasImportacion],
      [
        '76.086.428-5',
        'Comercial Ejemplo SpA',
        'Ejemplo',
        'Venta al por mayor',
        'Av. Providencia 1234',
        'Providencia',
        'Metropolitana de Santiago',
        'Mayorista',
        'false',
        'María Pérez',
        'maria.perez@ejemplo.cl',
        '+56 9 1234 5678',
        'cobranza',
      ],
    ])
  );
}
