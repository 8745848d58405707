// Browser test of the Integraciones screens: the provider catalogue (Ver detalle, states from the demo), the webhook
// subscription with its secret shown once, and what a read-only user sees. Accessibility: axe, no critical or serious
// violation. See package.json "test:e2e".
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
  usuarioPrimeraEmpresa,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

async function sinViolacionesGraves(pagina, donde) {
  const { violations } = await new AxeBuilder({ page: pagina }).include('main').analyze();
  const graves = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  assert.deepEqual(
    graves.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `violaciones graves de accesibilidad en ${donde}`,
  );
}

describe('Integraciones', () => {
  let navegador;
  before(async () => {
    navegador = await abrirNavegador();
  });
  after(async () => {
    await navegador?.close();
  });

  test('el catálogo de proveedores muestra cada uno con su estado y su detalle', LIMITE, async (t) => {
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, administradorPrimeraEmpresa());
      const catalogo = respuestaDe(pagina, '/api/v1/integraciones/proveedores');
      await pagina.getByRole('link', { name: 'Proveedores de pago' }).click();
      const proveedores = await (await catalogo).json();
      const nombres = proveedores.map((p) => p.nombre);
      for (const nombre of ['Flow', 'Khipu', 'Cobranza Online', 'Defontana Pay'])
        assert.ok(
          nombres.some((n) => n.startsWith(nombre)),
          `el catálogo tiene ${nombre} (${nombres.join(', ')})`,
        );

      const flow = pagina.getByRole('region', { name: proveedores.find((p) => p.codigo === 'flow').nombre });
      await flow.getByText('Desactivado', { exact: true }).waitFor();
      await pagina
        .getByRole('region', { name: proveedores.find((p) => p.codigo === 'cobranza-online').nombre })
        .getByText('Activación por solicitud (sin API pública).')
        .waitFor();
      await sinViolacionesGraves(pagina, 'el catálogo de proveedores');

      await flow.getByRole('button', { name: 'Ver detalle' }).click();
      const detalle = pagina.getByRole('dialog');
      await detalle.getByText(/^Desactivado el /).waitFor();
      await detalle.getByText('API: https://sandbox.flow.cl/api/').waitFor();
      await pagina.keyboard.press('Escape');
      await detalle.waitFor({ state: 'detached' });
    });
  });

  test('crear un webhook muestra el secreto una sola vez y lo deja en la lista', LIMITE, async (t) => {
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, administradorPrimeraEmpresa());
      await pagina.getByRole('link', { name: 'Webhooks' }).click();
      await pagina.getByRole('button', { name: 'Nuevo webhook' }).click();
      const formulario = pagina.getByRole('form', { name: 'Suscripción de webhook' });
      // The e2e host allows loopback receivers (Integraciones:Webhooks:Permitidos); nothing needs to listen there.
      const url = `http://127.0.0.1:9/erp-${Date.now()}/eventos`;
      await formulario.getByLabel('URL del receptor').fill(url);
      await formulario.getByLabel('Descripción').fill('ERP de prueba');
      await formulario.getByLabel('pago.registrado').check();
      const creada = respuestaDe(pagina, '/api/v1/integraciones/webhooks', {}, 'POST');
      await formulario.getByRole('button', { name: 'Crear webhook' }).click();
      const r = await creada;
      assert.equal(r.status(), 201, await r.text());
      const { secreto } = await r.json();

      const mostrado = pagina.getByTestId('webhook-secreto');
      assert.equal((await mostrado.textContent()).trim(), secreto);
      await sinViolacionesGraves(pagina, 'el secreto recién creado');
      await pagina.getByRole('button', { name: 'Listo, lo guardé' }).click();
      await mostrado.waitFor({ state: 'detached' });

      const fila = pagina
        .getByRole('table', { name: 'Webhooks' })
        .getByRole('row', { name: new RegExp(url.replaceAll('.', '\\.')) });
      await fila.waitFor();
      assert.equal(await pagina.getByText(secreto).count(), 0, 'el secreto no vuelve a mostrarse');
      await sinViolacionesGraves(pagina, 'la lista de webhooks');
    });
  });

  test('un usuario de consulta ve el catálogo sin activar ni administrar webhooks', LIMITE, async (t) => {
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, usuarioPrimeraEmpresa('Consulta'));
      await pagina.getByRole('link', { name: 'Proveedores de pago' }).click();
      await pagina.getByRole('button', { name: 'Ver detalle' }).first().waitFor();
      assert.equal(await pagina.getByRole('button', { name: 'Activar', exact: true }).count(), 0);
      assert.equal(await pagina.getByRole('link', { name: 'Webhooks' }).count(), 0);
    });
  });
});
