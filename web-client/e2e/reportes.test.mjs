// Browser tests of the portfolio reports (concentration, morosity, provision, recovery) against the real API host
// with the demo data: each screen opens from the "Reportes" menu and shows a figure and its chart.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  conCaptura,
  iniciarSesion,
  nuevaPagina,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

const pantallas = [
  { menu: 'Concentración de deuda', titulo: 'Concentración de deuda', cifra: 'concentracion-total' },
  { menu: 'Evolución de morosidad', titulo: 'Evolución de morosidad', cifra: 'morosidad-indice' },
  { menu: 'Evolución de la provisión', titulo: 'Evolución de la provisión', cifra: 'provision-total' },
  { menu: 'Recuperación histórica', titulo: 'Recuperación histórica', cifra: 'recuperacion-total' },
];

describe('Reportes de cartera', () => {
  let navegador;
  let admin;

  before(async () => {
    admin = administradorPrimeraEmpresa();
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'cada reporte se abre desde el menú y muestra una cifra y su gráfico con los datos demo',
    LIMITE,
    async (t) => {
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
        for (const p of pantallas) {
          await nav.getByRole('link', { name: p.menu, exact: true }).click();
          await pagina.getByRole('heading', { name: p.titulo, level: 1 }).waitFor();
          const cifra = pagina.getByTestId(p.cifra);
          await cifra.waitFor();
          const texto = (await cifra.textContent()) ?? '';
          assert.match(texto, /\d/, `${p.titulo}: la cifra muestra un número (${texto})`);
          await pagina.getByTestId('grafico-reporte').locator('canvas').first().waitFor();
        }

        // The demo company has debt: its total is not zero, and a client of the table links to its page.
        await nav.getByRole('link', { name: 'Concentración de deuda', exact: true }).click();
        const total = (await pagina.getByTestId('concentracion-total').textContent()) ?? '';
        assert.notEqual(total.replace(/\D/g, ''), '0', `deuda total de la demo: ${total}`);
        const tabla = pagina.getByRole('table', { name: 'Mayores deudores' });
        await tabla.getByRole('link').first().click();
        await pagina.waitForURL(/\/clientes\/[0-9a-f-]{36}$/);
      });
    },
  );
});
