// Browser test on a 390×844 phone: a collector finds a client, sees what it owes, has a tel: link to call it and
// registers a payment (see package.json "test:e2e").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  conCaptura,
  esperar,
  fechaSantiago,
  iniciarSesion,
  marca,
  nuevaPagina,
  respuestaDe,
  rutNuevo,
  usuarioPrimeraEmpresa,
} from './soporte.mjs';

const LIMITE = { timeout: 240_000 };

describe('En un teléfono (390×844)', () => {
  let navegador;

  before(async () => {
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'un cobrador encuentra al cliente, ve lo que debe, tiene el enlace tel: y registra un pago',
    LIMITE,
    async (t) => {
      const api = await apiComo(administradorPrimeraEmpresa());
      const cobrador = usuarioPrimeraEmpresa('Cobrador');
      const m = marca();
      const razonSocial = `Telefono E2E ${m} Ltda`;
      const cliente = await api('/api/v1/clientes', {
        method: 'POST',
        body: {
          rut: rutNuevo(),
          razonSocial,
          nombreFantasia: null,
          giro: null,
          direccion: null,
          comuna: null,
          region: null,
          segmento: 'Retail',
          cuentaClave: false,
          ejecutivoId: null,
        },
      });
      await api(`/api/v1/clientes/${cliente.id}/contactos`, {
        method: 'POST',
        body: {
          nombre: 'Marta Pagos',
          cargo: null,
          rol: 'pagos',
          email: `marta.${m}@e2e.cobranzas.test`,
          telefono: '+56 9 8765 4321',
          canalPreferido: null,
          optOutEmail: false,
        },
      });
      await api('/api/v1/documentos', {
        method: 'POST',
        body: {
          tipo: '33',
          folio: 100_000 + Math.floor(Math.random() * 800_000_000),
          clienteId: cliente.id,
          rut: null,
          fechaEmision: fechaSantiago(-40),
          fechaVencimiento: fechaSantiago(-10),
          cuotas: null,
          moneda: 'CLP',
          neto: 100000,
          exento: 0,
          iva: 19000,
          total: 119000,
          referencia: null,
          origen: 'manual',
          externalId: null,
          notas: null,
        },
      });

      const pagina = await nuevaPagina(navegador);
      await pagina.setViewportSize({ width: 390, height: 844 });
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, cobrador);
        await pagina.goto('/clientes');
        await pagina.getByRole('heading', { name: 'Clientes', level: 1 }).waitFor();
        // The filters wait behind one button; the search is among them.
        await pagina.getByRole('button', { name: /^Filtros/ }).click();
        const busqueda = respuestaDe(pagina, '/api/v1/clientes', { buscar: razonSocial });
        await pagina.getByRole('textbox', { name: 'Buscar' }).fill(razonSocial);
        await busqueda;
        await pagina.getByRole('main').getByRole('link', { name: razonSocial }).click();
        await pagina.waitForURL(`**/clientes/${cliente.id}**`);

        await pagina.getByRole('tab', { name: 'Cartera' }).click();
        await esperar(
          async () => (await pagina.getByTestId('estado-cuenta-saldo').textContent()) === '$119.000',
          {
            mensaje: 'saldo $119.000 del cliente',
          },
        );

        await pagina.getByRole('tab', { name: 'Contactos' }).click();
        const llamar = pagina.getByRole('link', { name: /^Llamar a Marta Pagos/ });
        assert.equal(await llamar.getAttribute('href'), 'tel:+56987654321');
        const escribir = pagina.getByRole('link', { name: /^Escribir a Marta Pagos/ });
        assert.equal(await escribir.getAttribute('href'), `mailto:marta.${m}@e2e.cobranzas.test`);

        await pagina.getByRole('tab', { name: 'Cartera' }).click();
        await pagina.getByRole('link', { name: 'Registrar pago' }).click();
        await pagina.waitForURL('**/cartera/pagos/nuevo**');
        await pagina.getByRole('textbox', { name: /^Monto/ }).fill('40000');
        await esperar(
          async () => (await pagina.getByTestId('vista-previa-aplicado').textContent()) === '$40.000',
          {
            mensaje: 'monto aplicado $40.000 en la vista previa',
          },
        );
        const guardar = pagina.getByRole('button', { name: 'Guardar pago' });
        await guardar.scrollIntoViewIfNeeded();
        await guardar.click();
        await pagina.waitForURL(/\/cartera\/pagos\/[0-9a-f-]{36}$/);

        const estado = await api(`/api/v1/clientes/${cliente.id}/estado-cuenta`);
        t.diagnostic(
          `saldo después del pago: ${JSON.stringify(estado.saldo ?? estado.resumen ?? '').slice(0, 80)}`,
        );
        await pagina.goto(`/clientes/${cliente.id}?tab=cartera`);
        await esperar(
          async () => (await pagina.getByTestId('estado-cuenta-saldo').textContent()) === '$79.000',
          {
            mensaje: 'saldo $79.000 después del pago',
          },
        );
        // Nothing is wider than the phone.
        const ancho = await pagina.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(ancho <= 390, `la página mide ${ancho}px de ancho`);
      });
    },
  );

  test(
    'Mi trabajo, el calendario, la antigüedad y la lista de clientes caben en el teléfono: tarjetas, sin desplazamiento lateral',
    LIMITE,
    async (t) => {
      const cobrador = usuarioPrimeraEmpresa('Cobrador');
      const pagina = await nuevaPagina(navegador);
      await pagina.setViewportSize({ width: 390, height: 844 });
      const anchoPagina = async (pantalla) => {
        const ancho = await pagina.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(ancho <= 390, `${pantalla}: la página mide ${ancho}px de ancho`);
      };
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, cobrador);
        await pagina.waitForURL((u) => u.pathname === '/gestion/mi-trabajo');
        await pagina.getByRole('heading', { name: 'Mi trabajo', level: 1 }).waitFor();
        await pagina.getByTestId('item-trabajo').first().waitFor();
        await anchoPagina('Mi trabajo');

        await pagina.goto('/gestion/calendario');
        await pagina.getByRole('heading', { name: 'Calendario', level: 1 }).waitFor();
        await pagina.getByRole('button', { name: 'Hoy' }).waitFor();
        await anchoPagina('Calendario (mes)');
        await pagina.locator('label', { hasText: 'Semana' }).click();
        await pagina.getByLabel(`Día ${fechaSantiago(0)}`).waitFor();
        await anchoPagina('Calendario (semana)');

        await pagina.goto('/cartera/antiguedad?agrupar=cliente');
        await pagina.getByRole('heading', { name: /Antigüedad/, level: 1 }).waitFor();
        await pagina.getByTestId('tarjeta-antiguedad').first().waitFor();
        assert.equal(
          await pagina.getByRole('table', { name: 'Antigüedad de saldos' }).count(),
          0,
          'la antigüedad por cliente se ve en tarjetas, no en la tabla de 8 columnas',
        );
        await pagina.getByTestId('grafico-antiguedad').locator('canvas').first().waitFor();
        await anchoPagina('Antigüedad');

        await pagina.goto('/clientes?orden=-saldo');
        await pagina.getByRole('heading', { name: 'Clientes', level: 1 }).waitFor();
        const tarjeta = pagina.getByTestId('tarjeta-fila').first();
        await tarjeta.waitFor();
        // The card shows what the client owes, in es-CL money.
        assert.match(await tarjeta.innerText(), /Saldo\s+\$[\d.]+/);
        await anchoPagina('Clientes por saldo');
      });
    },
  );
});
