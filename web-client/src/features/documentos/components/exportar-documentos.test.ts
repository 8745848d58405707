import { describe, expect, it } from 'vitest';
import type { DocumentoResumen } from '@/api/tipos-cartera';
import { documentosACsv } from '@/features/documentos/components/exportar-documentos';

const documento = (cambios: Partial<DocumentoResumen>): DocumentoResumen => ({
  id: '0199a1b2-0000-7000-8000-000000000001',
  tipo: '33',
  folio: 1001,
  cliente: { id: '0199a1b2-0000-7000-8000-000000000002', rut: '76086428-5', razonSocial: 'Andes; SpA' },
  fechaEmision: '2026-03-01',
  fechaVencimiento: '2026-03-31',
  moneda: 'CLP',
  total: 119000,
  saldo: 69000,
  estado: 'parcial',
  diasVencido: 12,
  origen: 'erp',
  externalId: null,
  ...cambios,
});

describe('documentosACsv', () => {
  it('separa con punto y coma, fechas dd-mm-aaaa, RUT formateado y texto con comillas si hace falta', () => {
    const csv = documentosACsv([
      documento({}),
      documento({ moneda: 'UF', total: 12.5, saldo: 0, estado: 'pagado' }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [encabezado, primera, segunda] = csv.slice(1).trim().split('\r\n');
    expect(encabezado?.split(';')).toContain('Saldo');
    expect(primera).toBe(
      '33;Factura;1001;76.086.428-5;"Andes; SpA";01-03-2026;31-03-2026;CLP;119000;69000;Pago parcial;12;',
    );
    expect(segunda).toContain(';UF;12,5000;0,0000;Pagado;');
  });
});
