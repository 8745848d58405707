import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderizar } from '@/testing/render';
import type { PropuestaCastigo } from '../api/use-propuesta-castigo';
import type { PropuestaCastigoResumen } from '../api/use-propuestas-castigo';
import type { RecuperosCastigo } from '../api/use-recuperos-castigo';
import CastigosRoute from './castigos';

const resumen: PropuestaCastigoResumen = {
  id: 'p1',
  numero: 3,
  estado: 'pendiente_aprobacion',
  fecha: '2026-11-30',
  motivo: 'Cliente liquidado',
  documentos: 1,
  total: 4000000,
  montoProvision: 2400000,
  montoGasto: 1600000,
  fechaCastigo: null,
  creadaPor: 'ana@demo.cl',
};

const detalle: PropuestaCastigo = {
  id: 'p1',
  numero: 3,
  estado: 'pendiente_aprobacion',
  fecha: '2026-11-30',
  motivo: 'Cliente liquidado',
  moneda: 'CLP',
  total: 4000000,
  montoProvision: 2400000,
  montoGasto: 1600000,
  asiento: [
    { cuenta: 'Provisión deudores incobrables', debe: 2400000, haber: 0 },
    { cuenta: 'Gasto por deudores incobrables', debe: 1600000, haber: 0 },
    { cuenta: 'Deudores por venta', debe: 0, haber: 4000000 },
  ],
  fechaCastigo: null,
  fechaDecision: null,
  motivoAnulacion: null,
  creadaPor: 'ana@demo.cl',
  creada: '2026-11-30T12:00:00Z',
  documentos: [
    {
      documentoId: 'd1',
      clienteId: 'c1',
      razonSocial: 'Comercial Andes SpA',
      tipo: '33',
      folio: 1201,
      fechaVencimiento: '2025-09-01',
      diasVencido: 455,
      saldo: 4000000,
      provision: 2400000,
      motivo: 'Vencido hace 455 días (más de 365)',
      moneda: 'CLP',
      saldoClp: 4000000,
    },
    {
      documentoId: 'd2',
      clienteId: 'c1',
      razonSocial: 'Comercial Andes SpA',
      tipo: '33',
      folio: 1202,
      fechaVencimiento: '2025-09-01',
      diasVencido: 455,
      saldo: 30.5,
      provision: 732000,
      motivo: 'Vencido hace 455 días (más de 365)',
      moneda: 'UF',
      saldoClp: 1220000,
    },
  ],
  aprobacion: null,
};

const recuperos: RecuperosCastigo = {
  desde: '2025-12-01',
  hasta: '2026-11-30',
  moneda: 'CLP',
  meses: [{ mes: '2026-11-01', cantidad: 1, monto: 150000 }],
  total: 150000,
  recuperos: [
    {
      id: 'r1',
      documentoId: 'd9',
      clienteId: 'c2',
      razonSocial: 'Ferretería Sur Ltda.',
      tipo: '33',
      folio: 877,
      fechaCastigo: '2026-10-01',
      montoCastigo: 500000,
      fecha: '2026-11-10',
      monto: 150000,
      referencia: 'Abono del deudor',
      registradoPor: 'ana@demo.cl',
      creado: '2026-11-10T12:00:00Z',
      moneda: 'CLP',
      montoClp: 150000,
      pagoId: null,
      asiento: [],
    },
    {
      id: 'r2',
      documentoId: 'd10',
      clienteId: 'c2',
      razonSocial: 'Ferretería Sur Ltda.',
      tipo: '33',
      folio: 878,
      fechaCastigo: '2026-10-01',
      montoCastigo: 30.5,
      fecha: '2026-11-12',
      monto: 10.5,
      referencia: 'Transferencia',
      registradoPor: 'ana@demo.cl',
      creado: '2026-11-12T12:00:00Z',
      moneda: 'UF',
      montoClp: 420000,
      pagoId: 'pg1',
      asiento: [],
    },
  ],
};

function conDatos() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(['cartera', 'castigos', 'propuestas'], [resumen]);
  qc.setQueryData(['cartera', 'castigos', 'propuesta', 'p1'], detalle);
  qc.setQueryData(['cartera', 'castigos', 'recuperos'], recuperos);
  return qc;
}

describe('Castigos', () => {
  it('lista las propuestas y el detalle muestra el asiento y los botones de aprobación', async () => {
    renderizar(<CastigosRoute />, { queryClient: conDatos() });
    expect(screen.getByRole('table', { name: 'Propuestas de castigo' })).toHaveTextContent(
      'Pendiente de aprobación',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ver' }));
    const asiento = screen.getByRole('table', { name: 'Asiento del castigo' });
    expect(asiento).toHaveTextContent('Gasto por deudores incobrables$1.600.000');
    expect(asiento).toHaveTextContent('Deudores por venta$4.000.000');
    expect(screen.getByRole('button', { name: 'Aprobar' })).toBeInTheDocument();
  });

  it('un usuario de consulta ve la propuesta pero no la decide', async () => {
    renderizar(<CastigosRoute />, { permisos: ['ver'], queryClient: conDatos() });
    await userEvent.click(screen.getByRole('button', { name: 'Ver' }));
    expect(screen.getByRole('table', { name: 'Documentos de la propuesta' })).toHaveTextContent('33 1201');
    expect(screen.queryByRole('button', { name: 'Aprobar' })).not.toBeInTheDocument();
  });

  it('la propuesta muestra cada documento en su moneda y en pesos', async () => {
    renderizar(<CastigosRoute />, { queryClient: conDatos() });
    await userEvent.click(screen.getByRole('button', { name: 'Ver' }));
    const fila = within(screen.getByRole('table', { name: 'Documentos de la propuesta' })).getByRole('row', {
      name: /1202/,
    });
    expect(fila).toHaveTextContent('UF');
    expect(fila).toHaveTextContent('30,5 UF');
    expect(fila).toHaveTextContent('$1.220.000');
  });

  it('cada recupero enlaza a la ficha de su documento castigado', async () => {
    renderizar(<CastigosRoute />, { queryClient: conDatos() });
    await userEvent.click(screen.getByRole('tab', { name: 'Recuperos' }));
    expect(screen.getByRole('link', { name: '33 877' })).toHaveAttribute('href', '/cartera/documentos/d9');
  });

  it('un recupero en UF se muestra en UF y en pesos, y el de un pago enlaza al pago', async () => {
    renderizar(<CastigosRoute />, { queryClient: conDatos() });
    await userEvent.click(screen.getByRole('tab', { name: 'Recuperos' }));
    const fila = within(screen.getByRole('table', { name: 'Recuperos de castigos' })).getByRole('row', {
      name: /878/,
    });
    expect(fila).toHaveTextContent('10,5 UF');
    expect(fila).toHaveTextContent('$420.000');
    expect(within(fila).getByRole('link', { name: 'Pago' })).toHaveAttribute('href', '/cartera/pagos/pg1');
  });
});
