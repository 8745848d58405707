import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TomarCompromiso } from '@/components/gestion/tomar-compromiso';
import { hoySantiago } from '@/lib/fecha-negocio';
import { renderizar } from '@/testing/render';

// The API client keeps the fetch it was created with, so the hooks are replaced instead of the network.
const enviar = vi.fn();
vi.mock('@/components/gestion/api/use-tomar-compromiso', () => ({
  useTomarCompromiso: () => ({ mutateAsync: enviar, isPending: false }),
}));
vi.mock('@/components/gestion/api/use-documentos-abiertos', () => ({
  useDocumentosAbiertos: () => ({ data: [], isPending: false }),
}));

describe('tomar compromiso', () => {
  beforeEach(() => {
    enviar.mockReset();
    enviar.mockImplementation(async (cuerpo: object) => ({ id: 'p1', ...cuerpo }));
  });

  it('con Enter en el monto registra un compromiso de monto para hoy', async () => {
    const onTomado = vi.fn();
    renderizar(<TomarCompromiso clienteId="c1" onTomado={onTomado} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Monto' }), '50000{Enter}');
    await waitFor(() => expect(onTomado).toHaveBeenCalled());
    expect(enviar).toHaveBeenCalledWith({
      clienteId: 'c1',
      documentoIds: null,
      cuotas: [{ fecha: hoySantiago(), monto: 50000 }],
      canal: 'telefono',
      notas: null,
    });
  });

  it('sin monto no envía nada y lo dice en el campo', async () => {
    renderizar(<TomarCompromiso clienteId="c1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Registrar compromiso' }));
    expect(await screen.findByText('El monto debe ser mayor que 0.')).toBeInTheDocument();
    expect(enviar).not.toHaveBeenCalled();
  });

  it('agregar una cuota numera los campos y permite quitarla', async () => {
    renderizar(<TomarCompromiso clienteId="c1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Agregar cuota' }));
    expect(screen.getByRole('textbox', { name: 'Monto cuota 2' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Quitar cuota 2' }));
    expect(screen.getByRole('textbox', { name: 'Monto' })).toBeInTheDocument();
  });
});
