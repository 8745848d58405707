// Browser test of the delivery log (Notificaciones): the week of demo history, its filters, a message's detail and
// accessibility (axe: no critical or serious violation). See package.json "test:e2e".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  conCaptura,
  iniciarSesion,
  nuevaPagina,
  respuestaDe,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

async function sinViolacionesGraves(pagina, donde) {
  // The screen's own content (the shell around it is shared by every screen). The sent message's frame is the
  // company's mail, sandboxed without scripts: axe cannot run inside it and would wait for it forever.
  const { violations } = await new AxeBuilder({ page: pagina })
    .include('main')
    .exclude('iframe[title="Mensaje enviado"]')
    .options({ iframes: false })
    .analyze();
  const graves = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  assert.deepEqual(
    graves.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `violaciones graves de accesibilidad en ${donde}`,
  );
}

describe('Notificaciones: bitácora de envíos', () => {
  let navegador;
  before(async () => {
    navegador = await abrirNavegador();
  });
  after(async () => {
    await navegador?.close();
  });

  test(
    'la bitácora muestra la semana demo, filtra y abre el mensaje exacto con sus eventos',
    LIMITE,
    async (t) => {
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, administradorPrimeraEmpresa());
        const lista = respuestaDe(pagina, '/api/v1/notificaciones/envios');
        await pagina.getByRole('link', { name: 'Bitácora de envíos' }).click();
        const todos = await (await lista).json();
        assert.ok(todos.total >= 7, `la demo tiene una semana de envíos (hay ${todos.total})`);

        const tabla = pagina.getByRole('table', { name: 'Envíos' });
        await tabla.waitFor();
        await pagina.getByRole('table', { name: 'Cifras por definición' }).waitFor();
        await sinViolacionesGraves(pagina, 'la bitácora');

        // Filter: only the failed ones (the demo has one with its SMTP answer).
        const fallidos = respuestaDe(pagina, '/api/v1/notificaciones/envios', { estado: 'fallido' });
        await pagina.getByRole('textbox', { name: 'Estado' }).click();
        await pagina.getByRole('option', { name: 'Fallido' }).click();
        const soloFallidos = await (await fallidos).json();
        assert.ok(soloFallidos.items.length >= 1);
        assert.ok(soloFallidos.items.every((e) => e.estado === 'fallido'));
        await tabla
          .getByText(/550 5\.1\.1/)
          .first()
          .waitFor();

        // Filter: replied ones (the filters live in the URL); open the message that got a reply.
        const sinEstado = respuestaDe(pagina, '/api/v1/notificaciones/envios', { respondido: 'true' });
        await pagina.goto('/notificaciones/envios?seguimiento=respondido');
        const respondidos = await (await sinEstado).json();
        assert.ok(respondidos.items.length >= 1, 'la demo tiene una respuesta');
        const envio = respondidos.items[0];
        const detalle = respuestaDe(pagina, `/api/v1/notificaciones/envios/${envio.id}`);
        await tabla.getByRole('link', { name: envio.asunto }).first().click();
        const d = await (await detalle).json();
        assert.ok(d.eventos.some((e) => e.tipo === 'respuesta'));

        // The exact rendered message, in a sandboxed frame.
        const marco = pagina.locator('iframe[title="Mensaje enviado"]');
        assert.equal(await marco.getAttribute('sandbox'), '');
        await pagina
          .frameLocator('iframe[title="Mensaje enviado"]')
          .getByText(/deuda vencida/)
          .first()
          .waitFor();
        await pagina
          .getByRole('table', { name: 'Eventos del envío' })
          .getByText('Respuesta', { exact: true })
          .waitFor();
        await pagina.getByText(d.respuestas[0].texto.split('\n')[0]).waitFor();
        await sinViolacionesGraves(pagina, 'el detalle del envío');
      });
    },
  );
});
