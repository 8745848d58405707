import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SuscripcionForm } from '@/features/integraciones-webhooks/components/suscripcion-form';
import { errorUrl } from '@/features/integraciones-webhooks/components/url-receptor';
import { SecretoMostrado } from '@/features/integraciones-webhooks/components/secreto-mostrado';
import { renderizar } from '@/testing/render';

const tipos = [
  { tipo: 'documento.creado', descripcion: 'Se registró un documento.' },
  { tipo: 'pago.registrado', descripcion: 'Se registró un pago.' },
  { tipo: 'cliente.suspendido', descripcion: 'El crédito de un cliente quedó suspendido.' },
];

describe('suscripción de webhook', () => {
  it('envía la URL recortada, la descripción vacía como null y los eventos marcados', async () => {
    const onEnviar = vi.fn().mockResolvedValue(undefined);
    renderizar(
      <SuscripcionForm tipos={tipos} textoEnviar="Crear webhook" onEnviar={onEnviar} onCancelar={() => {}} />,
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'URL del receptor' }),
      '  https://erp.empresa.cl/hooks  ',
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /pago\.registrado/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /cliente\.suspendido/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Crear webhook' }));
    await waitFor(() => expect(onEnviar).toHaveBeenCalled());
    expect(onEnviar).toHaveBeenCalledWith({
      url: 'https://erp.empresa.cl/hooks',
      descripcion: null,
      eventos: ['pago.registrado', 'cliente.suspendido'],
      activa: true,
    });
  });

  it('sin eventos ni URL válida no envía y lo dice en cada campo', async () => {
    const onEnviar = vi.fn();
    renderizar(
      <SuscripcionForm tipos={tipos} textoEnviar="Crear webhook" onEnviar={onEnviar} onCancelar={() => {}} />,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'URL del receptor' }), 'erp.empresa.cl');
    await userEvent.click(screen.getByRole('button', { name: 'Crear webhook' }));
    expect(await screen.findByText('Elija al menos un evento.')).toBeInTheDocument();
    expect(screen.getByText(/La URL debe ser absoluta/)).toBeInTheDocument();
    expect(onEnviar).not.toHaveBeenCalled();
  });

  it('«Todos» marca el catálogo completo y luego lo desmarca', async () => {
    const onEnviar = vi.fn().mockResolvedValue(undefined);
    renderizar(
      <SuscripcionForm tipos={tipos} textoEnviar="Guardar" onEnviar={onEnviar} onCancelar={() => {}} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Todos' }));
    expect(
      screen.getAllByRole('checkbox', { checked: true }).map((c) => (c as HTMLInputElement).value),
    ).toEqual(expect.arrayContaining(tipos.map((t) => t.tipo)));
    await userEvent.click(screen.getByRole('button', { name: 'Ninguno' }));
    expect(screen.getByRole('checkbox', { name: /documento\.creado/ })).not.toBeChecked();
  });

  it('la URL no acepta otro esquema ni credenciales', () => {
    expect(errorUrl('ftp://erp.cl/x')).toBe('La URL debe ser http o https.');
    expect(errorUrl('https://u:p@erp.cl/x')).toBe('La URL no puede llevar usuario ni contraseña.');
    expect(errorUrl('https://erp.cl/x')).toBeNull();
  });

  it('el secreto se muestra con su botón de copiar', () => {
    renderizar(<SecretoMostrado secreto="whsec_abc" onCerrar={() => {}} />);
    expect(screen.getByTestId('webhook-secreto')).toHaveTextContent('whsec_abc');
    expect(screen.getByRole('button', { name: 'Copiar secreto' })).toBeInTheDocument();
  });
});
