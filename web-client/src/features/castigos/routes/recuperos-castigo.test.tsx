import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderizar } from '@/testing/render';
import CastigosRoute from './castigos';

// openapi-fetch keeps the fetch it finds when the client is created: replace it before any import runs. Node's Request
// resolves the client's relative URLs against undici's global origin, which jsdom's location does not set.
const servidor = vi.hoisted(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalOrigin.1')] = new URL(
    'http://localhost:3000',
  );
  const estado = { enviados: [] as { ruta: string; cuerpo: Record<string, unknown> }[] };
  const recupero = (id: string, folio: number, pagoId: string | null) => ({
    id,
    documentoId: `d${folio}`,
    clienteId: 'c2',
    razonSocial: 'Ferretería Sur Ltda.',
    tipo: '33',
    folio,
    fechaCastigo: '2026-10-01',
    montoCastigo: 500000,
    fecha: '2026-11-10',
    monto: 150000,
    referencia: 'Transferencia',
    registradoPor: 'ana@demo.cl',
    creado: '2026-11-10T12:00:00Z',
    moneda: 'CLP',
    montoClp: 150000,
    pagoId,
    asiento: [],
    fechaReversa: null,
    motivoReversa: null,
  });
  globalThis.fetch = async (entrada: RequestInfo | URL) => {
    const r = entrada as Request;
    const ruta = new URL(r.url).pathname;
    const json = (cuerpo: unknown, status = 200) =>
      new Response(JSON.stringify(cuerpo), { status, headers: { 'Content-Type': 'application/json' } });
    if (r.method === 'POST') {
      estado.enviados.push({ ruta, cuerpo: (await r.json()) as Record<string, unknown> });
      return json(recupero('r9', 877, null), ruta.endsWith('/reversar') ? 200 : 201);
    }
    if (ruta === '/api/v1/castigos/propuestas') return json([]);
    if (ruta === '/api/v1/castigos/candidatos')
      return json({
        fecha: '2026-11-30',
        reglas: { diasMinimos: 365, exigeCierreJudicial: true },
        documentos: [],
        total: 0,
        provision: 0,
      });
    if (ruta === '/api/v1/documentos')
      return json({
        items: [
          {
            id: 'd878',
            tipo: '33',
            folio: 878,
            moneda: 'UF',
            cliente: { id: 'c2', rut: '1-9', razonSocial: 'Ferretería Sur Ltda.' },
          },
        ],
        total: 1,
        pagina: 1,
        tamanoPagina: 200,
      });
    return json({
      desde: '2025-12-01',
      hasta: '2026-11-30',
      moneda: 'CLP',
      meses: [],
      total: 300000,
      recuperos: [recupero('r1', 877, null), recupero('r2', 879, 'pg1')],
    });
  };
  return estado;
});

describe('recuperos de castigos', () => {
  it('el recupero se registra por tipo y folio del documento, no por su id interno', async () => {
    const usuario = userEvent.setup();
    renderizar(<CastigosRoute />);
    await usuario.click(screen.getByRole('tab', { name: 'Recuperos' }));
    const form = await screen.findByRole('form', { name: 'Registrar recupero' });

    await usuario.type(within(form).getByRole('textbox', { name: 'Folio' }), '878');
    expect(await within(form).findByText('Ferretería Sur Ltda. · UF')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Monto (UF)' })).toBeInTheDocument();
    await usuario.type(within(form).getByRole('textbox', { name: 'Monto (UF)' }), '10,5');
    await usuario.click(within(form).getByRole('button', { name: 'Registrar recupero' }));

    await vi.waitFor(() => expect(servidor.enviados).toHaveLength(1));
    const { ruta, cuerpo } = servidor.enviados[0]!;
    expect(ruta).toBe('/api/v1/castigos/recuperos');
    expect(cuerpo).toMatchObject({ tipo: '33', folio: 878, monto: 10.5 });
    expect(cuerpo).not.toHaveProperty('documentoId');
    expect(cuerpo.fecha).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('solo un recupero tomado de un pago se reversa, con fecha y motivo', async () => {
    servidor.enviados.length = 0;
    const usuario = userEvent.setup();
    renderizar(<CastigosRoute />);
    await usuario.click(screen.getByRole('tab', { name: 'Recuperos' }));
    await screen.findByRole('table', { name: 'Recuperos de castigos' });
    expect(screen.queryByRole('button', { name: 'Reversar recupero 33 877' })).not.toBeInTheDocument();

    await usuario.click(screen.getByRole('button', { name: 'Reversar recupero 33 879' }));
    const form = screen.getByRole('form', { name: 'Reversar recupero' });
    await usuario.type(
      within(form).getByRole('textbox', { name: 'Motivo de la reversa' }),
      'Era de otra deuda',
    );
    await usuario.click(within(form).getByRole('button', { name: 'Confirmar reversa' }));

    await vi.waitFor(() => expect(servidor.enviados).toHaveLength(1));
    expect(servidor.enviados[0]!.ruta).toBe('/api/v1/castigos/recuperos/r2/reversar');
    expect(servidor.enviados[0]!.cuerpo).toMatchObject({ motivo: 'Era de otra deuda' });
    expect(servidor.enviados[0]!.cuerpo.fecha).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('un usuario de consulta no ve el botón de reversa', async () => {
    renderizar(<CastigosRoute />, { permisos: ['ver'] });
    await userEvent.click(screen.getByRole('tab', { name: 'Recuperos' }));
    await screen.findByRole('table', { name: 'Recuperos de castigos' });
    expect(screen.queryByRole('button', { name: /Reversar/ })).not.toBeInTheDocument();
  });
});
