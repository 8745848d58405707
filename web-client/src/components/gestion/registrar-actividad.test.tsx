import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { RegistrarActividad } from '@/components/gestion/registrar-actividad';
import { renderizar } from '@/testing/render';

const tipos = [
  { id: 't1', nombre: 'Llamada', tipo: 'llamada', descripcion: null, canal: 'telefono', activo: true },
];

type Resultado = { data?: unknown; error?: unknown; response: Response };

const json = (cuerpo: unknown, status = 200): Resultado =>
  status < 300
    ? { data: cuerpo, response: new Response(null, { status }) }
    : { error: cuerpo, response: new Response(null, { status }) };

/** A fake API: the activity POSTs answer in turn with the given responses; every other read is empty. */
function servidor(respuestasPost: (() => Resultado)[]) {
  const posts: unknown[] = [];
  vi.spyOn(api, 'GET').mockImplementation(((ruta: string) => {
    if (ruta === '/api/v1/gestion/tipos-actividad') return Promise.resolve(json(tipos));
    if (ruta === '/api/v1/gestion/reglas-contacto/{clienteId}')
      return Promise.resolve(
        json({ permitido: true, regla: null, mensaje: null, siguientePermitido: null, consumidor: true }),
      );
    return Promise.resolve(json({ items: [], total: 0, numeroPagina: 1, tamanoPagina: 100 }));
  }) as unknown as typeof api.GET);
  vi.spyOn(api, 'POST').mockImplementation(((_ruta: string, opciones: { body: unknown }) => {
    posts.push(opciones.body);
    return Promise.resolve(respuestasPost.shift()!());
  }) as unknown as typeof api.POST);
  return posts;
}

const bloqueo = () =>
  json(
    {
      status: 422,
      title: 'Contacto no permitido',
      detail: 'La Ley 21.320 permite como máximo una llamada o visita por semana a un consumidor.',
      codigo: 'ley_21320_llamadas_semana',
      siguientePermitido: '2026-11-11T14:00:00Z',
    },
    422,
  );

const registrada = () =>
  json(
    {
      id: 'a1',
      clienteId: 'c1',
      tipoActividadId: 't1',
      tipo: 'llamada',
      tipoNombre: 'Llamada',
      adjuntos: [],
    },
    201,
  );

describe('RegistrarActividad', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.restoreAllMocks());

  it('enfoca el tipo, guarda con Ctrl+Enter desde las notas y avisa con onRegistrada', async () => {
    const posts = servidor([registrada]);
    const onRegistrada = vi.fn();
    renderizar(<RegistrarActividad clienteId="c1" tipoInicial="t1" onRegistrada={onRegistrada} />);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Tipo de actividad/ })).toHaveValue('Llamada (Teléfono)'),
    );
    expect(screen.getByRole('textbox', { name: /^Tipo de actividad/ })).toHaveFocus();

    await userEvent.type(
      screen.getByRole('textbox', { name: /^Notas/ }),
      'Sin respuesta{Control>}{Enter}{/Control}',
    );
    await waitFor(() => expect(onRegistrada).toHaveBeenCalledTimes(1));
    expect(posts[0]).toMatchObject({
      clienteId: 'c1',
      tipoActividadId: 't1',
      notas: 'Sin respuesta',
      motivoExcepcion: null,
    });
  });

  it('muestra la regla que bloquea y deja a un supervisor registrar la excepción con su motivo', async () => {
    const posts = servidor([bloqueo, registrada]);
    const onRegistrada = vi.fn();
    renderizar(<RegistrarActividad clienteId="c1" tipoInicial="t1" onRegistrada={onRegistrada} />);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Tipo de actividad/ })).toHaveValue('Llamada (Teléfono)'),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Registrar actividad' }));
    expect(await screen.findByText(/como máximo una llamada o visita por semana/)).toBeInTheDocument();
    expect(screen.getByText(/Próximo contacto permitido: 11-11-2026/)).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: /^Motivo de la excepción/ }),
      'El cliente pidió la llamada',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Registrar como excepción' }));
    await waitFor(() => expect(onRegistrada).toHaveBeenCalledTimes(1));
    expect(posts[1]).toMatchObject({ motivoExcepcion: 'El cliente pidió la llamada' });
  });

  it('a un cobrador no le ofrece la excepción', async () => {
    servidor([bloqueo]);
    renderizar(<RegistrarActividad clienteId="c1" tipoInicial="t1" />, { permisos: ['ver', 'editar'] });
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Tipo de actividad/ })).toHaveValue('Llamada (Teléfono)'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Registrar actividad' }));
    expect(await screen.findByText(/Solo un supervisor puede registrarlo/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^Motivo de la excepción/ })).not.toBeInTheDocument();
  });
});
