import { camposDocumentos } from '@/features/documentos/components/plantilla-documentos';

export type MapeoDocumentos = Record<string, string | null>;

/** What the browser could read of the chosen file: a CSV's header row, or nothing for an XLSX. */
export interface LecturaArchivo {
  tipo: 'csv' | 'xlsx';
  encabezados: string[];
  ejemplo: string[] | null;
}

/** Fields the import needs a column for, with the message shown at the field. */
export function faltantesMapeo(lectura: LecturaArchivo, mapeo: MapeoDocumentos): Record<string, string> {
  if (lectura.tipo !== 'csv') return {};
  const r: Record<string, string> = {};
  for (const c of camposDocumentos)
    if ('obligatorio' in c && c.obligatorio && !mapeo[c.campo]) r[c.campo] = 'Elija la columna del archivo.';
  if (!mapeo.rut && !mapeo.clienteId) r.rut = 'Elija la columna del RUT (o la del id del cliente).';
  return r;
}
