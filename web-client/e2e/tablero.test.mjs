// Browser tests of the home dashboard: the manager lands on it with every tile's figure, a tile opens its report,
// it fits a phone, and a Cobrador still starts on "Mi trabajo" (see package.json "test:e2e").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  abrirNavegador,
  conCaptura,
  esperar,
  iniciarSesion,
  nuevaPagina,
  respuestaDe,
  usuarioPrimeraEmpresa,
} from './soporte.mjs';

const LIMITE = { timeout: 240_000 };

const tiles = [
  'Total por cobrar',
  'Vencido',
  'DSO',
  'Recaudado este mes',
  'Antigüedad de saldos',
  'DSO y CEI, últimos 12 meses',
  'Compromisos de esta semana',
  'Pronóstico, próximas 4 semanas',
  'Principales deudores',
  'Casos críticos',
];

describe('Tablero', () => {
  let navegador;

  before(async () => {
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test('el supervisor entra al tablero con sus cifras y una tarjeta abre su reporte', LIMITE, async (t) => {
    const supervisor = usuarioPrimeraEmpresa('Supervisor');
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      const tablero = respuestaDe(pagina, '/api/v1/indicadores/tablero');
      await iniciarSesion(pagina, supervisor);
      await pagina.waitForURL('**/tablero');
      const r = await tablero;
      assert.equal(r.status(), 200, await r.text());
      const datos = await r.json();
      await pagina.getByRole('heading', { name: 'Tablero', level: 1 }).waitFor();
      for (const titulo of tiles) await pagina.getByRole('region', { name: titulo, exact: true }).waitFor();

      const total = pagina.getByTestId('kpi-total-valor');
      assert.match(await total.innerText(), /^\$[\d.]+$/);
      assert.ok(Number(datos.totalPorCobrar) > 0, 'la demo tiene saldo por cobrar');
      assert.equal(
        (await total.innerText()).replace(/\D/g, ''),
        String(Math.round(Number(datos.totalPorCobrar))),
      );
      assert.match(await pagina.getByTestId('kpi-dso-valor').innerText(), /días$/);
      await pagina.getByTestId('grafico-tramos').locator('canvas').first().waitFor();
      await pagina.getByTestId('grafico-tendencia').locator('canvas').first().waitFor();
      const deudores = pagina.getByRole('region', { name: 'Principales deudores', exact: true });
      await esperar(async () => (await deudores.getByRole('row').count()) > 1, { mensaje: 'deudores' });

      // Each figure says what it means.
      await pagina
        .getByRole('button', { name: /^Qué es: DSO \(método countback\)/ })
        .first()
        .hover();
      await pagina.getByRole('tooltip').waitFor();

      await pagina
        .getByRole('region', { name: 'Antigüedad de saldos', exact: true })
        .getByRole('link', { name: 'Antigüedad de saldos' })
        .click();
      await pagina.waitForURL(/\/cartera\/antiguedad\?fechaCorte=\d{4}-\d{2}-\d{2}$/);
      await pagina.getByRole('heading', { name: 'Antigüedad de saldos', level: 1 }).waitFor();

      await pagina.goBack();
      await pagina.getByRole('region', { name: 'Vencido', exact: true }).getByRole('link').click();
      await pagina.waitForURL(/\/reportes\/morosidad/);
    });
  });

  test('en un teléfono las tarjetas caben sin desborde horizontal', LIMITE, async (t) => {
    const supervisor = usuarioPrimeraEmpresa('Supervisor');
    const pagina = await nuevaPagina(navegador);
    await pagina.setViewportSize({ width: 390, height: 844 });
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, supervisor);
      await pagina.waitForURL('**/tablero');
      await pagina.getByRole('region', { name: 'Casos críticos', exact: true }).waitFor();
      const ancho = await pagina.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(ancho <= 390, `ancho de la página ${ancho}`);
    });
  });

  test('el cobrador sigue entrando a Mi trabajo', LIMITE, async (t) => {
    const cobrador = usuarioPrimeraEmpresa('Cobrador');
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, cobrador);
      await pagina.waitForURL('**/gestion/mi-trabajo');
      await pagina.getByRole('heading', { name: 'Mi trabajo', level: 1 }).waitFor();
    });
  });
});
