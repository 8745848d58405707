import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderizar } from '@/testing/render';
import type { DocumentoResumen } from '@/api/tipos-cartera';
import { TablaDocumentos } from '@/features/documentos/components/tabla-documentos';

const documento = (folio: number, cedidoDelegadoA: string | null): DocumentoResumen => ({
  id: `d${folio}`,
  tipo: '33',
  folio,
  cliente: { id: 'c1', rut: '76086428-5', razonSocial: 'Andes SpA' },
  fechaEmision: '2026-10-01',
  fechaVencimiento: '2026-11-20',
  moneda: 'CLP',
  total: 1000,
  saldo: 1000,
  estado: cedidoDelegadoA ? 'cedido' : 'vencido',
  diasVencido: 10,
  origen: 'manual',
  externalId: null,
  etapaCliente: null,
  cedidoDelegadoA,
});

describe('tabla de documentos', () => {
  it('marca el documento que la empresa cobra por cuenta de un factor', () => {
    renderizar(<TablaDocumentos documentos={[documento(1, null), documento(2, 'Factoring del Sur S.A.')]} />);
    expect(screen.getAllByText(/administración delegada/)).toHaveLength(1);
    expect(screen.getByText('Cedido a Factoring del Sur S.A. (administración delegada)')).toBeInTheDocument();
  });
});
