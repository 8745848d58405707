// Browser test of field collection on a 390×844 phone: the demo collector opens /terreno with geolocation granted, says
// "llegué", takes a payment and a visit report with its photo while the phone is offline (context.setOffline) and, back
// online, the queued actions are sent once (one receipt for the payment's idempotency key, the photo after its report).
// The supervisor plans a route from the collector's worklist. axe: no serious or critical violations on the field screens.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import {
  BASE_URL,
  ZONA,
  ESPERA_SERVIDOR,
  abrirNavegador,
  apiComo,
  appOcupada,
  conCaptura,
  esperar,
  fechaSantiago,
  iniciarSesion,
  usuarioPrimeraEmpresa,
} from './soporte.mjs';

const LIMITE = { timeout: 600_000 };
// A 1×1 PNG: the server checks a photo's type by its bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const GRAVES = new Set(['critical', 'serious']);

async function paginaTelefono(navegador) {
  const contexto = await navegador.newContext({
    baseURL: BASE_URL,
    locale: 'es-CL',
    timezoneId: ZONA,
    viewport: { width: 390, height: 844 },
    permissions: ['geolocation'],
    geolocation: { latitude: -33.4489, longitude: -70.6693, accuracy: 20 },
    // The service worker would answer navigations from its cache; the test wants the network it switches off.
    serviceWorkers: 'block',
  });
  contexto.setDefaultTimeout(ESPERA_SERVIDOR);
  contexto.setDefaultNavigationTimeout(ESPERA_SERVIDOR);
  const pagina = await contexto.newPage();
  pagina.errores = [];
  pagina.on('pageerror', (e) => pagina.errores.push(String(e)));
  return pagina;
}

async function sinViolacionesGraves(pagina, nombre) {
  await esperar(async () => !(await appOcupada(pagina)), { mensaje: `${nombre} sin consultas en curso` });
  const r = await new AxeBuilder({ page: pagina })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const graves = r.violations.filter((v) => GRAVES.has(v.impact ?? ''));
  assert.deepEqual(
    graves.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `${nombre}: violaciones graves de accesibilidad`,
  );
}

describe('Cobranza en terreno en un teléfono (390×844)', () => {
  let navegador;

  before(async () => {
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test('el cobrador llega, cobra sin conexión y el pago se envía una vez al volver', LIMITE, async (t) => {
    const cobrador = usuarioPrimeraEmpresa('Cobrador');
    const api = await apiComo(cobrador);
    const ruta = await api(`/api/v1/terreno/mi-ruta?fecha=${fechaSantiago()}`);
    assert.ok(ruta.paradas.length >= 3, 'la ruta demo de hoy tiene visitas');
    const parada = ruta.paradas.find((p) => p.estado === 'pendiente');
    assert.ok(parada, 'queda una visita pendiente');
    const antes = await api(
      `/api/v1/terreno/recibos?clienteId=${parada.clienteId}&desde=${fechaSantiago()}&hasta=${fechaSantiago()}`,
    );

    const pagina = await paginaTelefono(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, cobrador);
      await pagina.goto('/terreno');
      await pagina.getByRole('heading', { name: 'Mi ruta en terreno' }).waitFor();
      await pagina.getByRole('button', { name: new RegExp(`^${parada.orden}\\. `) }).click();
      // Every stop's panel is in the page (closed ones hidden): work inside the open one.
      const panel = pagina.getByRole('region', { name: new RegExp(`^${parada.orden}\\. `) });
      await panel.getByRole('button', { name: 'Llegué' }).waitFor();
      await sinViolacionesGraves(pagina, 'Mi ruta en terreno');

      const llegada = pagina.waitForResponse((r) =>
        r.url().includes(`/terreno/paradas/${parada.id}/llegada`),
      );
      await panel.getByRole('button', { name: 'Llegué' }).click();
      assert.equal((await llegada).status(), 200);
      await panel.getByText(/Llegada registrada/).waitFor();

      await pagina.context().setOffline(true);
      await pagina.getByText('Sin conexión').waitFor();
      await panel.getByLabel('Monto recibido (CLP)').fill('12345');
      await panel.getByRole('button', { name: 'Registrar pago' }).click();
      await panel.getByText(/Guardado en el teléfono/).waitFor();
      await pagina.getByText('1 pendiente de envío').waitFor();

      // The visit report and its photo, still offline: both wait on the phone (the photo's blob in IndexedDB).
      await panel.getByRole('textbox', { name: 'Resultado' }).click();
      await pagina.getByRole('option', { name: 'Atendió, sin pago' }).click();
      await panel
        .locator('input[type="file"]')
        .setInputFiles({ name: 'fachada.png', mimeType: 'image/png', buffer: PNG });
      await panel.getByRole('button', { name: 'Guardar informe' }).click();
      await pagina.getByText('3 pendientes de envío').waitFor();

      const envio = pagina.waitForResponse(
        (r) => r.url().endsWith('/api/v1/terreno/recibos') && r.request().method() === 'POST',
      );
      const foto = pagina.waitForResponse(
        (r) =>
          r.url().endsWith(`/api/v1/terreno/paradas/${parada.id}/fotos`) && r.request().method() === 'POST',
      );
      await pagina.context().setOffline(false);
      assert.equal((await envio).status(), 201);
      const fotoEnviada = await foto;
      assert.equal(fotoEnviada.status(), 201, await fotoEnviada.text());
      assert.ok(fotoEnviada.request().headers()['idempotency-key'], 'la foto viaja con su clave');
      await pagina.getByText('0 pendientes de envío').waitFor();
    });

    const despues = await api(
      `/api/v1/terreno/recibos?clienteId=${parada.clienteId}&desde=${fechaSantiago()}&hasta=${fechaSantiago()}`,
    );
    const nuevos = despues.filter((r) => !antes.some((a) => a.id === r.id));
    assert.equal(nuevos.length, 1, 'un solo recibo para el pago tomado sin conexión');
    assert.equal(Number(nuevos[0].monto), 12345);
  });

  test('planificación e informe de visitas sin violaciones graves', LIMITE, async (t) => {
    const pagina = await paginaTelefono(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, usuarioPrimeraEmpresa('Supervisor'));
      await pagina.goto('/gestion/rutas');
      await pagina.getByRole('heading', { name: 'Planificación de rutas' }).waitFor();
      // Tomorrow's route of the demo collector, from the collector's worklist.
      await pagina.getByRole('textbox', { name: 'Cobrador' }).click();
      await pagina.getByRole('option').first().click();
      await pagina.getByLabel('Fecha').fill(fechaSantiago(1));
      const lista = pagina.getByRole('group', { name: 'Lista de trabajo del cobrador' });
      await lista.getByRole('checkbox').first().waitFor();
      await esperar(async () => !(await appOcupada(pagina)), {
        mensaje: 'ubicaciones de la lista de trabajo',
      });
      const ubicables = lista.getByRole('checkbox', { disabled: false });
      assert.ok((await ubicables.count()) > 0, 'la lista de trabajo demo tiene clientes ubicables');
      const nombre = (await ubicables.first().getAttribute('aria-label')).replace(/^\d+\. /, '');
      await ubicables.first().check();
      await lista.getByRole('button', { name: /^Agregar 1 a la ruta/ }).click();
      await pagina.getByRole('table', { name: 'Orden de visitas' }).getByText(nombre).waitFor();
      await sinViolacionesGraves(pagina, 'Planificación de rutas');
      await pagina.goto('/gestion/informe-visitas');
      await pagina.getByRole('heading', { name: 'Informe de visitas en terreno' }).waitFor();
      await pagina.getByRole('table', { name: 'Recibos de terreno' }).waitFor();
      await sinViolacionesGraves(pagina, 'Informe de visitas');
    });
  });
});
