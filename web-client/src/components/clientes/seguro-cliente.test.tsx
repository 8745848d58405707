import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderizar } from '@/testing/render';
import { SeguroCliente } from '@/components/clientes/seguro-cliente';

// openapi-fetch keeps the fetch it finds when the client is created: replace it before any import runs.
vi.hoisted(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalOrigin.1')] = new URL(
    'http://localhost:3000',
  );
  globalThis.fetch = async (entrada: RequestInfo | URL) => {
    const ruta = new URL((entrada as Request).url).pathname;
    const json = (cuerpo: unknown) =>
      new Response(JSON.stringify(cuerpo), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (ruta.endsWith('/polizas')) return json([]);
    const excedido = ruta.includes('/clientes/sobre/');
    return json({
      clienteId: excedido ? 'sobre' : 'dentro',
      asegurado: true,
      polizaId: 'p1',
      aseguradora: 'Continental',
      numeroPoliza: 'SC-1',
      polizaVigente: true,
      porcentajeCobertura: 90,
      diasDenuncia: 60,
      limiteAsegurado: 1000000,
      exposicion: excedido ? 1000001 : 1000000,
      exceso: excedido ? 1 : 0,
      excedido,
    });
  };
});

describe('seguro de crédito del cliente', () => {
  it('avisa la exposición sobre el límite asegurado', async () => {
    renderizar(<SeguroCliente clienteId="sobre" />);

    expect(await screen.findByText('Exposición sobre el límite asegurado')).toBeInTheDocument();
    expect(screen.getByText('Póliza vigente')).toBeInTheDocument();
  });

  it('no avisa cuando la exposición es igual al límite', async () => {
    renderizar(<SeguroCliente clienteId="dentro" />);

    expect(await screen.findByText('Continental · SC-1')).toBeInTheDocument();
    expect(screen.queryByText('Exposición sobre el límite asegurado')).not.toBeInTheDocument();
  });
});
