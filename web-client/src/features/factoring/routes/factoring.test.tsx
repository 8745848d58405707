import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import FactoringPagina from '@/features/factoring/routes/factoring';
import { renderizar } from '@/testing/render';

const cesion = {
  documentoId: 'd1',
  clienteId: 'c1',
  razonSocial: 'Comercial Lovato EIRL',
  tipo: '33',
  folio: 1201,
  fechaVencimiento: '2026-12-20',
  moneda: 'CLP',
  total: 1_000_000,
  saldo: 600_000,
  factorId: 'f1',
  factor: 'Factoring Andino S.A.',
  factorRut: '76600001-4',
  fechaCesion: '2026-11-20',
  notificacion: { fecha: '2026-11-21', medio: 'notario', evidencia: 'Certificado notarial N° 18.204' },
  responsabilidadSolidaria: false,
  administracionDelegada: true,
  porTransferir: 400_000,
};

const respuestas: Record<string, unknown> = {
  '/api/v1/factoring/cesiones': [cesion],
  '/api/v1/factoring/factores': [
    {
      id: 'f1',
      nombre: 'Factoring Andino S.A.',
      rut: '76600001-4',
      contacto: null,
      email: null,
      documentosCedidos: 1,
      saldoCedido: 600_000,
      saldoConResponsabilidad: 0,
      vencidoConResponsabilidad: 0,
      documentosAdministracionDelegada: 1,
      porTransferir: 400_000,
    },
  ],
  '/api/v1/factoring/administracion-delegada/pendientes': [
    {
      aplicacionId: 'a1',
      pagoId: 'p1',
      documentoId: 'd1',
      factorId: 'f1',
      clienteId: 'c1',
      razonSocial: 'Comercial Lovato EIRL',
      tipo: '33',
      folio: 1201,
      fecha: '2026-11-28',
      moneda: 'CLP',
      monto: 400_000,
    },
  ],
  '/api/v1/factoring/transferencias': [],
};

describe('FactoringPagina', () => {
  afterEach(() => vi.restoreAllMocks());

  it('muestra los documentos cedidos con su notificación y condiciones, y los cobros por transferir al factor', async () => {
    vi.spyOn(api, 'GET').mockImplementation(
      (ruta: string) =>
        Promise.resolve({ data: respuestas[ruta], response: new Response(null, { status: 200 }) }) as never,
    );
    renderizar(<FactoringPagina />);

    const tabla = await screen.findByRole('table', { name: 'Documentos cedidos' });
    expect(within(tabla).getByText('Comercial Lovato EIRL')).toBeInTheDocument();
    expect(within(tabla).getByText(/Certificado notarial N° 18.204/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Administración delegada del folio 1201' })).toBeChecked();
    expect(
      screen.getByRole('switch', { name: 'Responsabilidad solidaria del folio 1201' }),
    ).not.toBeChecked();

    await userEvent.click(screen.getByRole('tab', { name: 'Por transferir' }));

    const pendientes = await screen.findByRole('table', { name: 'Cobros por transferir' });
    expect(pendientes).toHaveTextContent('$400.000');
    expect(
      screen.getByRole('button', { name: /Transferir \$400\.000 a Factoring Andino S\.A\./ }),
    ).toBeEnabled();
  });

  it('un usuario de consulta ve las cesiones y los cobros por transferir sin acciones de escritura', async () => {
    vi.spyOn(api, 'GET').mockImplementation(
      (ruta: string) =>
        Promise.resolve({ data: respuestas[ruta], response: new Response(null, { status: 200 }) }) as never,
    );
    renderizar(<FactoringPagina />, { permisos: ['ver'] });

    await screen.findByRole('table', { name: 'Documentos cedidos' });
    expect(screen.getByRole('switch', { name: 'Administración delegada del folio 1201' })).toBeDisabled();

    await userEvent.click(screen.getByRole('tab', { name: 'Factores' }));
    await screen.findByRole('table', { name: 'Factores' });
    expect(screen.queryByRole('form', { name: 'Nuevo factor' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Por transferir' }));
    await screen.findByRole('table', { name: 'Cobros por transferir' });
    expect(screen.queryByRole('button', { name: /^Transferir / })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Conciliación' }));
    expect(await screen.findByText(/requiere permiso de edición/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Conciliar' })).not.toBeInTheDocument();
  });
});
