import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderizar } from '@/testing/render';
import { CreditoCliente } from '@/features/clientes/components/credito-cliente';

// openapi-fetch keeps the fetch it finds when the client is created: replace it before any import runs.
vi.hoisted(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalOrigin.1')] = new URL(
    'http://localhost:3000',
  );
  globalThis.fetch = async (entrada: RequestInfo | URL) => {
    const delegada = new URL((entrada as Request).url).pathname.includes('/c-delegada/') ? 1000 : 0;
    const cuerpo = {
      clienteId: 'c1',
      limite: 2000,
      moneda: 'CLP',
      limiteClp: 2000,
      exposicion: 1500,
      disponible: 500,
      estado: 'vigente',
      suspender: false,
      motivos: [],
      fechaUf: null,
      ufDesactualizada: false,
      exposicionCedidaDelegada: delegada,
    };
    return new Response(JSON.stringify(cuerpo), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
});

describe('crédito del cliente', () => {
  it('dice cuánto de la exposición está cedido con administración delegada', async () => {
    renderizar(<CreditoCliente clienteId="c-delegada" />);
    expect(await screen.findByText('$1.500')).toBeInTheDocument();
    expect(screen.getByTestId('nota-Exposición')).toHaveTextContent(
      'Incluye $1.000 cedido a factoring con administración delegada',
    );
  });

  it('sin documentos delegados no agrega la nota', async () => {
    renderizar(<CreditoCliente clienteId="c-propio" />);
    expect(await screen.findByText('$1.500')).toBeInTheDocument();
    expect(screen.queryByTestId('nota-Exposición')).not.toBeInTheDocument();
  });
});
