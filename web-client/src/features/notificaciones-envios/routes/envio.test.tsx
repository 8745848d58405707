import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import EnvioRoute from '@/features/notificaciones-envios/routes/envio';
import { renderizar } from '@/testing/render';

const html =
  '<!doctype html><html><body><p>Su deuda vencida es <strong>$834.000</strong>.</p><script>alert(1)</script></body></html>';

const detalle = {
  envio: {
    id: 'e1',
    definicionId: 'd1',
    definicion: 'Vencidos semanal',
    clienteId: 'c1',
    clienteRut: '76086428-5',
    clienteNombre: 'Comercial Lovato EIRL',
    asunto: 'Documentos vencidos',
    para: ['María Pérez <maria@cliente.cl>'],
    origen: 'programado',
    fechaNegocio: '2026-11-27',
    estado: 'enviado',
    detalle: null,
    creado: '2026-11-27T12:00:00Z',
    enviado: '2026-11-27T12:00:05Z',
    abierto: '2026-11-27T12:00:08Z',
    aperturaProbableAutomatica: true,
    clic: null,
    rebotado: null,
    respondido: '2026-11-27T15:00:00Z',
  },
  html,
  texto: 'Su deuda vencida es $834.000.',
  responderA: null,
  messageId: 'e1@cobranzas.test',
  intentos: 1,
  eventos: [
    { id: 'v1', tipo: 'apertura', fecha: '2026-11-27T12:00:08Z', detalle: 'Probable apertura automática.' },
    {
      id: 'v2',
      tipo: 'respuesta',
      fecha: '2026-11-27T15:00:00Z',
      detalle: 'maria@cliente.cl: RE: Documentos vencidos',
    },
  ],
  respuestas: [
    {
      id: 'r1',
      envioId: 'e1',
      clienteId: 'c1',
      tipo: 'respuesta',
      de: 'maria@cliente.cl',
      asunto: 'RE: Documentos vencidos',
      texto: 'Pagamos el viernes.',
      fecha: '2026-11-27T15:00:00Z',
      motivo: null,
      acuseEnviado: true,
    },
  ],
};

describe('EnvioRoute', () => {
  afterEach(() => vi.restoreAllMocks());

  it('muestra el mensaje exacto en un marco aislado, con sus eventos y respuestas', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue({
      data: detalle,
      response: new Response(null, { status: 200 }),
    } as never);
    renderizar(<EnvioRoute />);

    const marco = await screen.findByTitle('Mensaje enviado');
    expect(marco.getAttribute('sandbox')).toBe('');
    expect(marco.getAttribute('srcdoc')).toBe(html);
    expect(screen.getByText(/probable apertura automática\)/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Eventos del envío' })).toHaveTextContent('Respuesta');
    expect(screen.getByText('Pagamos el viernes.')).toBeInTheDocument();
    expect(screen.getByText(/acuse enviado/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Comercial Lovato EIRL' })).toHaveAttribute(
      'href',
      '/clientes/c1',
    );
  });
});
