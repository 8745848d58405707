import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import type { ItemTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';
import MiTrabajoRoute from '@/features/gestion-trabajo/routes/mi-trabajo';
import { renderizar } from '@/testing/render';

const item = (n: number): ItemTrabajo => ({
  tareaId: `t${n}`,
  clienteId: `c${n}`,
  razonSocial: `Cliente ${n} SpA`,
  rut: '76086428-5',
  tipo: 'llamada',
  titulo: `Llamar ${n}`,
  motivo: 'Tarea manual',
  origen: 'manual',
  fecha: '2026-11-30',
  puntaje: 50 - n,
  partes: { monto: 0, mora: 0, compromiso: 0, cuentaClave: 0, contacto: 0, atraso: 0 },
  razones: [],
  saldoVencido: 100000,
  diasMora: 10,
  cuentaClave: false,
  ultimoContacto: null,
  cobradorId: 'k1',
});

type Resultado = { data?: unknown; error?: unknown; response: Response };
const json = (cuerpo: unknown, status = 200): Resultado => ({
  data: cuerpo,
  response: new Response(null, { status }),
});

/** A fake API whose worklist loses each task the client completes; records every POST. */
function servidor() {
  let pendientes = [item(1), item(2), item(3)];
  const posts: { ruta: string; path?: unknown; body: unknown }[] = [];
  vi.spyOn(api, 'GET').mockImplementation(((ruta: string) => {
    if (ruta === '/api/v1/gestion/mi-trabajo')
      return Promise.resolve(
        json({ fecha: '2026-11-30', total: pendientes.length, items: pendientes, formula: 'f', aviso: null }),
      );
    if (ruta === '/api/v1/gestion/tipos-actividad')
      return Promise.resolve(
        json([
          {
            id: 'tv',
            nombre: 'Visita',
            tipo: 'visita',
            descripcion: null,
            canal: 'presencial',
            activo: true,
          },
          {
            id: 'tl',
            nombre: 'Llamada',
            tipo: 'llamada',
            descripcion: null,
            canal: 'telefono',
            activo: true,
          },
        ]),
      );
    if (ruta === '/api/v1/gestion/reglas-contacto/{clienteId}')
      return Promise.resolve(
        json({ permitido: true, regla: null, mensaje: null, siguientePermitido: null, consumidor: false }),
      );
    if (ruta === '/api/v1/gestion/cobradores' || ruta === '/api/v1/gestion/motivos-disputa')
      return Promise.resolve(json([]));
    return Promise.resolve(json({ items: [], total: 0, numeroPagina: 1, tamanoPagina: 100 }));
  }) as unknown as typeof api.GET);
  vi.spyOn(api, 'POST').mockImplementation(((
    ruta: string,
    opciones: { params?: { path?: { id?: string } }; body: unknown },
  ) => {
    posts.push({ ruta, path: opciones.params?.path, body: opciones.body });
    if (ruta === '/api/v1/gestion/tareas/{id}/completar') {
      pendientes = pendientes.filter((t) => t.tareaId !== opciones.params?.path?.id);
      return Promise.resolve(json({ id: opciones.params?.path?.id, estado: 'completada' }));
    }
    if (ruta === '/api/v1/gestion/actividades')
      return Promise.resolve(
        json(
          {
            id: 'a1',
            clienteId: 'c1',
            tipoActividadId: 'tl',
            tipo: 'llamada',
            tipoNombre: 'Llamada',
            canal: 'telefono',
            resultado: 'no_contesta',
            documentoIds: [],
            adjuntos: [],
          },
          201,
        ),
      );
    return Promise.resolve(json({}, 201));
  }) as unknown as typeof api.POST);
  return posts;
}

const filas = () => screen.getAllByRole('option');

describe('Mi trabajo: acciones rápidas', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.restoreAllMocks());

  it('l abre la llamada con el tipo Llamada y el foco en el formulario; al guardar completa la tarea con el resultado y enfoca la siguiente', async () => {
    const posts = servidor();
    const usuario = userEvent.setup();
    renderizar(<MiTrabajoRoute />, { permisos: ['ver', 'editar'] });
    await waitFor(() => expect(filas()).toHaveLength(3));

    await usuario.keyboard('l');
    const dialogo = await screen.findByRole('dialog', { name: /Registrar llamada · Cliente 1 SpA/ });
    const tipo = within(dialogo).getByRole('textbox', { name: /^Tipo de actividad/ });
    await waitFor(() => expect(tipo).toHaveValue('Llamada (Teléfono)'));
    await waitFor(() => expect(tipo).toHaveFocus());

    await usuario.click(within(dialogo).getByRole('textbox', { name: /^Resultado/ }));
    await usuario.click(await screen.findByRole('option', { name: 'No contesta', hidden: true }));
    await usuario.click(within(dialogo).getByRole('button', { name: 'Registrar actividad' }));

    await waitFor(() => expect(filas()).toHaveLength(2));
    expect(posts.map((p) => p.ruta)).toEqual([
      '/api/v1/gestion/actividades',
      '/api/v1/gestion/tareas/{id}/completar',
    ]);
    expect(posts[0]!.body).toMatchObject({
      clienteId: 'c1',
      tipoActividadId: 'tl',
      resultado: 'no_contesta',
    });
    expect(posts[1]).toMatchObject({ path: { id: 't1' }, body: { resultado: 'Llamada: No contesta' } });
    expect(screen.queryByRole('dialog', { name: /Registrar llamada/ })).not.toBeInTheDocument();
    await waitFor(() => expect(filas()[0]).toHaveFocus());
    expect(filas()[0]).toHaveAccessibleName(/Cliente 2 SpA: Llamar 2/);
    expect(filas()[0]).toHaveAttribute('aria-selected', 'true');
  });

  it('m y d abren el compromiso y la disputa del cliente de la tarea; Esc cierra sin completar y el foco vuelve a la lista', async () => {
    const posts = servidor();
    const usuario = userEvent.setup();
    renderizar(<MiTrabajoRoute />, { permisos: ['ver', 'editar'] });
    await waitFor(() => expect(filas()).toHaveLength(3));
    await usuario.keyboard('j');
    expect(filas()[1]).toHaveFocus();

    await usuario.keyboard('m');
    const compromiso = await screen.findByRole('dialog', { name: /Tomar compromiso · Cliente 2 SpA/ });
    expect(within(compromiso).getByRole('form', { name: 'Tomar compromiso de pago' })).toBeInTheDocument();
    await waitFor(() =>
      expect(within(compromiso).getByRole('textbox', { name: /Fecha prometida/ })).toHaveFocus(),
    );
    await usuario.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(filas()[1]).toHaveFocus();

    await usuario.keyboard('d');
    const disputa = await screen.findByRole('dialog', { name: /Abrir disputa · Cliente 2 SpA/ });
    expect(within(disputa).getByRole('form', { name: 'Abrir disputa' })).toBeInTheDocument();
    await usuario.click(within(disputa).getByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(filas()[1]).toHaveFocus();
    expect(filas()).toHaveLength(3);
    expect(posts).toEqual([]);
  });

  it('la barra ofrece las acciones con sus atajos y la ayuda los lista', async () => {
    servidor();
    const usuario = userEvent.setup();
    renderizar(<MiTrabajoRoute />, { permisos: ['ver', 'editar'] });
    await waitFor(() => expect(filas()).toHaveLength(3));
    const barra = screen.getByRole('toolbar');
    expect(within(barra).getByRole('button', { name: /Registrar llamada \(l\)/ })).toHaveAttribute(
      'aria-keyshortcuts',
      'l',
    );
    expect(within(barra).getByRole('button', { name: /Tomar compromiso \(m\)/ })).toBeInTheDocument();
    expect(within(barra).getByRole('button', { name: /Abrir disputa \(d\)/ })).toBeInTheDocument();
    await usuario.keyboard('?');
    const ayuda = await screen.findByRole('dialog', { name: 'Atajos de teclado' });
    for (const tecla of ['l', 'm', 'd']) expect(within(ayuda).getByText(tecla)).toBeInTheDocument();
  });
});
