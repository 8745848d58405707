import { QueryClient } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Convenio, ConvenioResumen } from '@/components/cartera/api/use-convenios';
import { renderizar } from '@/testing/render';
import { ConveniosCliente } from './convenios-cliente';

const roto: Convenio = {
  id: 'v1',
  numero: 7,
  clienteId: 'c1',
  razonSocial: 'Comercial Andes SpA',
  tipo: 'quita_capital',
  estado: 'roto',
  fecha: '2026-09-01',
  moneda: 'CLP',
  saldoDocumentos: 1000000,
  interesMora: 0,
  porcentajeCondonacion: 0,
  montoCondonacion: 0,
  montoQuita: 100000,
  montoConvenido: 900000,
  interesFinanciamiento: 0,
  totalCuotas: 900000,
  numeroCuotas: 3,
  primeraFecha: '2026-09-21',
  frecuencia: 'mensual',
  tasaMensual: 0,
  detalle: null,
  notas: null,
  solicitudPortalId: null,
  estadoAprobacion: 'aprobada',
  decididoPor: 'admin',
  fechaDecision: null,
  comentarioDecision: 'Visto bueno',
  documentoId: 'd9',
  saldoPendiente: 600000,
  fechaFirma: '2026-09-01',
  firmadoPor: 'admin',
  fechaTermino: '2026-11-30',
  motivoTermino: 'Cuota vencida el 21-10-2026, más de 10 días de atraso',
  montoRepuesto: 666667,
  creadoPor: 'admin',
  creado: '2026-09-01T12:00:00Z',
  documentos: [
    {
      documentoId: 'd1',
      tipo: '33',
      folio: 501,
      fechaVencimiento: '2026-08-22',
      saldo: 600000,
      interes: 0,
      condonacion: 0,
      quita: 60000,
      repuesto: 400000,
    },
  ],
  cuotas: [
    {
      numero: 1,
      fechaVencimiento: '2026-09-21',
      capital: 300000,
      interes: 0,
      monto: 300000,
      saldo: 0,
      estado: 'pagada',
      diasMora: 0,
    },
    {
      numero: 2,
      fechaVencimiento: '2026-10-21',
      capital: 300000,
      interes: 0,
      monto: 300000,
      saldo: 300000,
      estado: 'vencida',
      diasMora: 40,
    },
  ],
  aprobacion: null,
  origen: 'interno',
};

const resumen: ConvenioResumen = {
  id: 'v1',
  numero: 7,
  clienteId: 'c1',
  razonSocial: 'Comercial Andes SpA',
  tipo: 'quita_capital',
  estado: 'roto',
  fecha: '2026-09-01',
  montoConvenido: 900000,
  totalCuotas: 900000,
  numeroCuotas: 3,
  primeraFecha: '2026-09-21',
  saldoPendiente: 600000,
  fechaFirma: '2026-09-01',
  fechaTermino: '2026-11-30',
  origen: 'interno',
};

function conDatos() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(['cartera', 'convenios', 'lista', 'c1', null], [resumen]);
  qc.setQueryData(['cartera', 'convenios', 'detalle', 'v1'], roto);
  return qc;
}

describe('ConveniosCliente', () => {
  it('lista los convenios y el detalle de uno roto muestra lo repuesto y sus cuotas', async () => {
    renderizar(<ConveniosCliente clienteId="c1" />, { queryClient: conDatos() });
    expect(screen.getByRole('table', { name: 'Convenios del cliente' })).toHaveTextContent(
      'Quita de capital',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ver convenio 7' }));
    expect(screen.getByText(/Se repusieron \$666\.667 en los documentos originales/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Cuotas del convenio' })).toHaveTextContent('Vencida (40 días)');
    expect(screen.getByRole('button', { name: 'Descargar PDF' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Firmar' })).not.toBeInTheDocument();
  });

  it('un usuario de consulta no puede crear convenios', () => {
    renderizar(<ConveniosCliente clienteId="c1" />, { permisos: ['ver'], queryClient: conDatos() });
    expect(screen.queryByRole('button', { name: 'Nuevo convenio' })).not.toBeInTheDocument();
  });
});
