import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderizar } from '@/testing/render';
import AntiguedadRoute from '@/features/antiguedad/routes/antiguedad';

// openapi-fetch keeps the fetch it finds when the client is created: replace it before any import runs.
const servidor = vi.hoisted(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalOrigin.1')] = new URL(
    'http://localhost:3000',
  );
  const estado = { consultas: [] as URLSearchParams[] };
  const definicionTramos = [
    { codigo: 'por_vencer', desde: null, hasta: 0 },
    { codigo: '1-30', desde: 1, hasta: 30 },
  ];
  globalThis.fetch = async (entrada: RequestInfo | URL) => {
    const url = new URL((entrada as Request).url);
    estado.consultas.push(url.searchParams);
    const incluir = url.searchParams.get('incluirCedidosDelegados') === 'true';
    const tramos = [
      { codigo: 'por_vencer', monto: 500 },
      { codigo: '1-30', monto: incluir ? 1000 : 0 },
    ];
    const delegado = [
      { codigo: 'por_vencer', monto: 0 },
      { codigo: '1-30', monto: 1000 },
    ];
    const total = incluir ? 1500 : 500;
    const cuerpo = {
      fechaCorte: '2026-11-30',
      agrupar: 'cliente',
      base: 'vencimiento',
      moneda: 'CLP',
      definicionTramos,
      grupos: [
        {
          clave: 'c1',
          nombre: '76086428-5 Andes SpA',
          tramos,
          total,
          cedidoDelegado: delegado,
          totalCedidoDelegado: 1000,
        },
      ],
      totales: tramos,
      total,
      totalGrupos: 1,
      numeroPagina: 1,
      tamanoPagina: 25,
      incluyeCedidosDelegados: incluir,
      totalesCedidoDelegado: delegado,
      totalCedidoDelegado: 1000,
    };
    return new Response(JSON.stringify(cuerpo), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return estado;
});

describe('antigüedad de saldos con cedidos en administración delegada', () => {
  it('los muestra aparte de la cartera propia y, con la opción, dentro de los tramos', async () => {
    const usuario = userEvent.setup();
    renderizar(<AntiguedadRoute />);

    expect(await screen.findByText(/Total cartera propia/)).toBeInTheDocument();
    expect(screen.getByTestId('total-antiguedad')).toHaveTextContent('$500');
    expect(screen.getByTestId('total-cedido-delegado')).toHaveTextContent(
      /\$1\.000.*no incluido en los tramos/,
    );
    const fila = screen.getByTestId('fila-cedido-delegado');
    expect(within(fila).getByText(/aparte/)).toBeInTheDocument();
    expect(within(fila).getAllByText('$1.000')).toHaveLength(2);
    expect(servidor.consultas.at(-1)?.has('incluirCedidosDelegados')).toBe(false);

    await usuario.click(screen.getByRole('switch', { name: /Incluir los documentos cedidos/ }));

    await waitFor(() => expect(screen.getByTestId('total-antiguedad')).toHaveTextContent('$1.500'));
    expect(servidor.consultas.at(-1)?.get('incluirCedidosDelegados')).toBe('true');
    expect(screen.getByText(/Total a cobrar/)).toBeInTheDocument();
    expect(screen.getByTestId('total-cedido-delegado')).toHaveTextContent(/incluido en los tramos/);
    const enlace = screen
      .getAllByRole('link')
      .map((a) => a.getAttribute('href') ?? '')
      .find((h) => h.includes('tramo=1-30'));
    expect(enlace).toContain('incluirCedidosDelegados=true');
  });
});
