import { screen } from '@testing-library/react';
import type { Permiso } from '@/api/types';
import { ConPermiso, RequierePermiso } from '@/components/auth/con-permiso';
import { modulosVisibles } from '@/components/layouts/menu';
import { renderizar } from '@/testing/render';

const rolConsulta: Permiso[] = ['ver'];
const rolCobrador: Permiso[] = ['ver', 'editar', 'enviar_notificaciones'];
const rolAdmin: Permiso[] = ['ver', 'editar', 'enviar_notificaciones', 'supervisar', 'administrar'];

describe('permisos en el SPA', () => {
  it('hides an action from a role without the permission', () => {
    renderizar(
      <ConPermiso permiso="editar">
        <button type="button">Registrar pago</button>
      </ConPermiso>,
      { permisos: rolConsulta },
    );
    expect(screen.queryByRole('button', { name: 'Registrar pago' })).not.toBeInTheDocument();
  });

  it('shows it to a role with the permission', () => {
    renderizar(
      <ConPermiso permiso="editar">
        <button type="button">Registrar pago</button>
      </ConPermiso>,
      { permisos: rolCobrador },
    );
    expect(screen.getByRole('button', { name: 'Registrar pago' })).toBeInTheDocument();
  });

  it('guards a write route with a Spanish page', () => {
    renderizar(
      <RequierePermiso permiso="editar">
        <h1>Registrar pago</h1>
      </RequierePermiso>,
      { permisos: rolConsulta },
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'No tiene permiso para esta pantalla',
    );
    expect(screen.getByText(/registrar o modificar datos/)).toBeInTheDocument();
    expect(screen.queryByText('Registrar pago')).not.toBeInTheDocument();
    expect(document.title).toBe('Sin permiso · Cobranzas');
  });

  it('shows each role only the menu entries it can use', () => {
    const enlaces = (permisos: Permiso[]) =>
      modulosVisibles((p) => permisos.includes(p)).flatMap((m) => m.enlaces.map((e) => e.a));
    const consulta = enlaces(rolConsulta);
    expect(consulta).toContain('/clientes');
    expect(consulta).toContain('/cartera/pagos');
    expect(consulta).not.toContain('/importar-clientes');
    expect(consulta).not.toContain('/cartera/importar-documentos');
    expect(consulta).not.toContain('/administracion/usuarios');
    expect(enlaces(rolCobrador)).toContain('/importar-clientes');
    expect(enlaces(rolCobrador)).not.toContain('/administracion/auditoria');
    expect(enlaces(rolAdmin)).toContain('/administracion/auditoria');
    expect(enlaces(rolAdmin).length).toBeGreaterThan(consulta.length);
  });
});
