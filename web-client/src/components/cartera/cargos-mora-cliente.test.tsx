import { QueryClient } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { claveCargosMora, type CargosMora } from '@/components/cartera/api/use-cargos-mora';
import { renderizar } from '@/testing/render';
import { CargosMoraCliente } from './cargos-mora-cliente';

const calculo: CargosMora = {
  clienteId: 'c1',
  fecha: '2026-11-30',
  regimen: 'consumidor',
  tasaAnual: null,
  porcentajeComision: 1,
  valorUf: 40000,
  cuotas: [
    {
      documentoId: 'd1',
      tipo: '39',
      folio: 601,
      cuota: 1,
      moneda: 'CLP',
      fechaVencimiento: '2026-11-09',
      diasMora: 21,
      saldo: 400000,
      saldoClp: 400000,
      interes: 0,
      comision: 0,
      gastosCobranza: 28000,
      total: 28000,
      avisoGratuito: false,
      pasos: [{ concepto: 'gastos_cobranza', detalle: 'Deuda vencida $400.000 = 10 UF', monto: 28000 }],
    },
  ],
  saldoVencido: 400000,
  interes: 0,
  comision: 0,
  gastosCobranza: 28000,
  total: 28000,
  notas: ['La empresa no ha configurado la tasa de interés moratorio: no se calcula interés.'],
};

function conDatos() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData([...claveCargosMora, 'c1', null], calculo);
  qc.setQueryData([...claveCargosMora, 'solicitudes', 'c1'], []);
  return qc;
}

describe('CargosMoraCliente', () => {
  it('muestra el total, el cálculo de cada documento y ofrece pedir la nota de débito', () => {
    renderizar(<CargosMoraCliente clienteId="c1" />, { queryClient: conDatos() });
    expect(screen.getByText(/Cargos al 30-11-2026: \$28\.000/)).toBeInTheDocument();
    expect(screen.getByText(/Consumidor \(Ley 19\.496 art\. 37\)/)).toBeInTheDocument();
    expect(screen.getByText(/Deuda vencida \$400\.000 = 10 UF/)).toBeInTheDocument();
    expect(screen.getByText(/no ha configurado la tasa/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Solicitar nota de débito' })).toBeInTheDocument();
  });

  it('un usuario de consulta ve el cálculo pero no puede pedirla', () => {
    renderizar(<CargosMoraCliente clienteId="c1" />, { permisos: ['ver'], queryClient: conDatos() });
    expect(screen.getByText(/Cargos al 30-11-2026/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Solicitar nota de débito' })).not.toBeInTheDocument();
  });
});
