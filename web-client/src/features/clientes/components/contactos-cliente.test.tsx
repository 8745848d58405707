import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderizar } from '@/testing/render';
import { ContactosCliente } from '@/features/clientes/components/contactos-cliente';

// openapi-fetch keeps the fetch it finds when the client is created: replace it before any import runs. Node's Request
// resolves the client's relative URLs against undici's global origin, which jsdom's location does not set.
const servidor = vi.hoisted(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalOrigin.1')] = new URL(
    'http://localhost:3000',
  );
  const estado = { activo: { c1: true, c2: false } as Record<string, boolean>, llamadas: [] as string[] };
  const contacto = (id: string, nombre: string) => ({
    id,
    clienteId: 'cl1',
    nombre,
    cargo: null,
    rol: 'pagos',
    email: `${id}@andes.test`,
    telefono: null,
    canalPreferido: 'email',
    optOutEmail: false,
    activo: estado.activo[id],
  });
  globalThis.fetch = async (entrada: RequestInfo | URL) => {
    const r = entrada as Request;
    const ruta = new URL(r.url).pathname;
    estado.llamadas.push(`${r.method} ${ruta}`);
    const json = (cuerpo: unknown) =>
      new Response(JSON.stringify(cuerpo), { status: 200, headers: { 'Content-Type': 'application/json' } });
    const cambio = /\/contactos\/(c\d)\/(activar|desactivar)$/.exec(ruta);
    if (r.method === 'POST' && cambio) {
      estado.activo[cambio[1]!] = cambio[2] === 'activar';
      return json(contacto(cambio[1]!, cambio[1] === 'c1' ? 'María Pérez' : 'Juan Soto'));
    }
    return json([contacto('c1', 'María Pérez'), contacto('c2', 'Juan Soto')]);
  };
  return estado;
});

describe('contactos del cliente', () => {
  it('marca el contacto inactivo, lo reactiva y desactiva otro con confirmación', async () => {
    const usuario = userEvent.setup();
    renderizar(<ContactosCliente clienteId="cl1" />);

    const fila = (nombre: string) => screen.getByText(nombre).closest('tr')!;
    await screen.findByText('Juan Soto');
    expect(within(fila('Juan Soto')).getByText('Inactivo')).toBeInTheDocument();
    expect(within(fila('María Pérez')).queryByText('Inactivo')).not.toBeInTheDocument();

    await usuario.click(screen.getByRole('button', { name: 'Reactivar Juan Soto' }));
    const dialogo = await screen.findByRole('dialog', { name: 'Reactivar contacto' });
    await usuario.click(within(dialogo).getByRole('button', { name: 'Reactivar' }));
    await waitFor(() => expect(within(fila('Juan Soto')).queryByText('Inactivo')).not.toBeInTheDocument());
    expect(servidor.llamadas).toContain('POST /api/v1/clientes/cl1/contactos/c2/activar');

    await usuario.click(screen.getByRole('button', { name: 'Desactivar María Pérez' }));
    const otro = await screen.findByRole('dialog', { name: 'Desactivar contacto' });
    expect(within(otro).getByText(/Pierde de inmediato el acceso al portal/)).toBeInTheDocument();
    await usuario.click(within(otro).getByRole('button', { name: 'Desactivar' }));
    await waitFor(() => expect(within(fila('María Pérez')).getByText('Inactivo')).toBeInTheDocument());
    expect(servidor.llamadas).toContain('POST /api/v1/clientes/cl1/contactos/c1/desactivar');
  });

  it('sin permiso de edición no ofrece desactivar ni reactivar', async () => {
    renderizar(<ContactosCliente clienteId="cl1" />, { permisos: ['ver'] });
    await screen.findByText('Juan Soto');
    expect(screen.queryByRole('button', { name: /^(Desactivar|Reactivar) / })).not.toBeInTheDocument();
  });
});
