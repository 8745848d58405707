// Browser test of Notificaciones: a deposit account, a definition written with the tag picker and its live preview, a
// test mail found in maildev, and axe on both screens (see package.json "test:e2e").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import {
  MAILDEV_URL,
  abrirNavegador,
  administradorPrimeraEmpresa,
  conCaptura,
  esperar,
  iniciarSesion,
  marca,
  nuevaPagina,
  respuestaDe,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

/** Critical and serious WCAG 2.0/2.1 A and AA violations of the screen (the main region: the shell is not these screens'). */
async function violacionesGraves(pagina) {
  const r = await new AxeBuilder({ page: pagina })
    .include('main')
    // The preview is a sandboxed iframe without scripts (the company's own mail HTML): axe cannot run inside it.
    .exclude('iframe[title="Vista previa del correo"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return r.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('Notificaciones: cuentas y definiciones', () => {
  let navegador;
  let admin;

  before(async () => {
    navegador = await abrirNavegador();
    admin = administradorPrimeraEmpresa();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'crea una cuenta, escribe una notificación con etiquetas, ve la vista previa y recibe la prueba',
    LIMITE,
    async (t) => {
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        const m = marca();
        await iniciarSesion(pagina, admin);

        // Deposit account.
        await pagina.goto('/notificaciones/cuentas-deposito');
        await pagina.getByRole('table', { name: 'Cuentas de depósito' }).waitFor();
        await pagina.getByRole('button', { name: 'Nueva cuenta' }).click();
        const formulario = pagina.getByRole('form', { name: 'Nueva cuenta de depósito' });
        await formulario.getByRole('textbox', { name: /^Banco/ }).fill(`Banco E2E ${m}`);
        await formulario.getByRole('textbox', { name: /^Número de cuenta/ }).fill('12-345-678');
        await formulario.getByRole('textbox', { name: /^Titular/ }).fill('Titular E2E');
        await formulario.getByRole('textbox', { name: /^RUT del titular/ }).fill('76.086.428-5');
        const creada = respuestaDe(pagina, '/api/v1/notificaciones/cuentas-deposito', {}, 'POST');
        await formulario.getByRole('button', { name: 'Guardar' }).click();
        assert.equal((await creada).status(), 201);
        await pagina.getByRole('cell', { name: `Banco E2E ${m}` }).waitFor();
        assert.deepEqual(await violacionesGraves(pagina), [], 'axe en cuentas de depósito');

        // Definition with a tag inserted at the cursor, and its live preview.
        await pagina.goto('/notificaciones/definiciones/nueva');
        await pagina.getByRole('button', { name: 'Insertar cliente.nombre' }).waitFor();
        await pagina.getByRole('textbox', { name: /^Asunto/ }).fill(`E2E ${m} para {{ cliente.nombre }}`);
        const plantilla = pagina.getByRole('textbox', { name: /^Plantilla/ });
        await plantilla.fill('<p>Hola , su deuda vencida es {{ deuda.vencida }}.</p>');
        await plantilla.evaluate((el) => el.setSelectionRange(8, 8));
        await pagina.getByRole('button', { name: 'Insertar cliente.nombre' }).click();
        assert.match(await plantilla.inputValue(), /^<p>Hola \{\{ cliente\.nombre \}\}, su deuda/);

        // The preview follows the editor: the body with the tag filled with the client's name, the subject too.
        const marco = pagina.frameLocator('iframe[title="Vista previa del correo"]');
        await marco.getByText(/Hola [^,]+, su deuda vencida es \$/).waitFor();
        await esperar(
          async () =>
            (await pagina.getByTestId('vista-previa-asunto').textContent())?.includes(`E2E ${m} para `),
          { mensaje: 'el asunto de la vista previa', pagina },
        );

        const guardada = respuestaDe(pagina, '/api/v1/notificaciones/definiciones', {}, 'POST');
        await pagina.getByRole('button', { name: 'Guardar' }).click();
        assert.equal((await guardada).status(), 201);
        await pagina.waitForURL(/\/notificaciones\/definiciones\/[0-9a-f-]{36}$/);
        await pagina.getByRole('button', { name: 'Enviar prueba a mi correo' }).waitFor();
        assert.deepEqual(await violacionesGraves(pagina), [], 'axe en el editor de notificaciones');

        // Test mail to the admin's own address.
        const id = new URL(pagina.url()).pathname.split('/').at(-1);
        const prueba = respuestaDe(pagina, `/api/v1/notificaciones/definiciones/${id}/prueba`, {}, 'POST');
        await pagina.getByRole('button', { name: 'Enviar prueba a mi correo' }).click();
        assert.equal((await prueba).status(), 200);
        const correo = await esperar(
          async () => {
            const r = await fetch(`${MAILDEV_URL}/email`);
            if (!r.ok) return null;
            return (await r.json()).find((c) => (c.subject || '').startsWith(`[PRUEBA] E2E ${m} para`));
          },
          { mensaje: 'la prueba en maildev', pagina: null, intervalo: 1000 },
        );
        assert.ok((correo.to || []).some((d) => d.address.toLowerCase() === admin.email.toLowerCase()));
        assert.match(correo.html, /su deuda vencida es \$/);
      });
    },
  );
});
