import { rutValido } from '@/lib/rut';
import { columnasImportacion, plantillaCsv } from '@/features/importacion-clientes/components/plantilla';

describe('plantillaCsv', () => {
  it('has the import columns and a valid example row', () => {
    const [encabezado, ejemplo] = plantillaCsv().replace('\uFEFF', '').trim().split('\r\n');
    expect(encabezado).toBe(columnasImportacion.join(','));
    const celdas = ejemplo!.split(',');
    expect(celdas).toHaveLength(columnasImportacion.length);
    expect(rutValido(celdas[0]!)).toBe(true);
  });
});
