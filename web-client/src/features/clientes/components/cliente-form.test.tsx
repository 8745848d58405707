import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/api/errors';
import { claves } from '@/api/claves';
import { renderizar } from '@/testing/render';
import type { Cliente } from '@/features/clientes/api/tipos';
import { ClienteForm } from '@/features/clientes/components/cliente-form';

const cliente: Cliente = {
  id: 'c1',
  rut: '12531909-3',
  razonSocial: 'Ferretería Los Aromos Ltda',
  nombreFantasia: null,
  giro: null,
  direccion: null,
  comuna: 'Ñuñoa',
  region: null,
  segmento: 'Retail',
  cuentaClave: false,
  ejecutivoId: null,
  consumidor: null,
  consumidorEfectivo: true,
  estadoCredito: 'vigente',
  motivoEstado: null,
  estadoCambiadoPor: null,
  estadoCambiadoEn: null,
  condiciones: null,
  excepciones: [],
  politicaEfectiva: {
    segmento: 'Retail',
    limiteCredito: 50,
    monedaLimite: 'UF',
    plazoDias: 30,
    garantia: 'No requiere',
    diasTolerancia: 0,
    origen: 'politica',
  },
  grupos: [],
  creado: '2025-01-01T00:00:00Z',
  actualizado: '2025-01-01T00:00:00Z',
};

function clienteConDatos() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(claves.politicas, [
    {
      id: 'p1',
      segmento: 'Retail',
      limiteCredito: 50,
      monedaLimite: 'UF',
      plazoDias: 30,
      garantia: 'No requiere',
      diasTolerancia: 0,
    },
  ]);
  qc.setQueryData(claves.usuarios, []);
  return qc;
}

describe('ClienteForm', () => {
  it('blocks saving a RUT whose check digit is wrong, as the server would', async () => {
    const onGuardar = vi.fn();
    renderizar(<ClienteForm cliente={cliente} onGuardar={onGuardar} />, { queryClient: clienteConDatos() });
    const rut = screen.getByLabelText(/^RUT/);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText(/dígito verificador no coincide/)).toBeInTheDocument();
    expect(rut).toHaveAttribute('aria-invalid', 'true');
    expect(onGuardar).not.toHaveBeenCalled();

    await userEvent.clear(rut);
    await userEvent.type(rut, '12531909-2');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(onGuardar).toHaveBeenCalledTimes(1));
  });

  it('shows the server error at the RUT field, without its rule code', async () => {
    const onGuardar = vi.fn().mockRejectedValue(
      new ApiError(409, {
        status: 409,
        title: 'Conflicto',
        detail: 'rut: ...',
        errors: { rut: ['rut_duplicado: Ya existe un cliente con RUT 12531909-2.'] },
      }),
    );
    renderizar(<ClienteForm cliente={{ ...cliente, rut: '12531909-2' }} onGuardar={onGuardar} />, {
      queryClient: clienteConDatos(),
    });
    const rut = screen.getByLabelText(/^RUT/);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    await waitFor(() => expect(onGuardar).toHaveBeenCalledTimes(1));
    expect(onGuardar.mock.calls[0]![0]).toMatchObject({
      rut: '12531909-2',
      razonSocial: 'Ferretería Los Aromos Ltda',
      nombreFantasia: null,
      comuna: 'Ñuñoa',
      segmento: 'Retail',
      cuentaClave: false,
      ejecutivoId: null,
      consumidor: null,
    });
    const enlace = await screen.findByRole('link', { name: 'Ver el cliente con RUT 12.531.909-2' });
    expect(enlace).toHaveAttribute('href', '/clientes?buscar=125319092');
    expect(enlace.parentElement).toHaveTextContent('Ya existe un cliente con RUT 12.531.909-2.');
    expect(rut).toHaveAttribute('aria-invalid', 'true');
  });

  it('validates required fields before calling the server', async () => {
    const onGuardar = vi.fn();
    renderizar(<ClienteForm onGuardar={onGuardar} />, { queryClient: clienteConDatos() });
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Ingrese el RUT.')).toBeInTheDocument();
    expect(screen.getByText('Ingrese la razón social.')).toBeInTheDocument();
    expect(onGuardar).not.toHaveBeenCalled();
  });
});
