// Browser tests of the cartera configuration, letras en cobranza and compensations against the real API host.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
  rutNuevo,
  textoDescritoPor,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

/** A user of the admin's company with another role (for the read-only view). */
function otroUsuario(admin) {
  for (const linea of readFileSync(process.env.E2E_CREDENCIALES, 'utf8').split(/\r?\n/)) {
    const m = /^\s*Usuario:\s*(\S+)\s*\/\s*(.+?)\s*\(([^()]*),\s*([^(),]+)\)\s*$/.exec(linea);
    if (m && m[3].trim() === admin.empresa && m[4].trim() !== 'Administrador')
      return { email: m[1], password: m[2] };
  }
  throw new Error(`No hay otro usuario de ${admin.empresa}`);
}

async function crearCliente(api, razonSocial) {
  return api('/api/v1/clientes', {
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
}

async function crearDocumento(api, datos) {
  return api('/api/v1/documentos', {
    method: 'POST',
    body: {
      cuotas: null,
      moneda: 'CLP',
      rut: null,
      referencia: null,
      origen: 'manual',
      externalId: null,
      notas: null,
      ...datos,
    },
  });
}

const folioNuevo = () => 100_000 + Math.floor(Math.random() * 800_000_000);

describe('SPA Cobranzas: configuración de cartera, letras y compensaciones', () => {
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
    '1. los límites de tramos cambian los tramos de la antigüedad y de la provisión; sin ser administrador es de solo lectura',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const original = await api('/api/v1/cartera/configuracion');
      const pagina = await nuevaPagina(navegador);
      try {
        await conCaptura(t, pagina, async () => {
          await iniciarSesion(pagina, admin);
          const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
          await nav.getByRole('link', { name: 'Configuración', exact: true }).click();
          await pagina.getByRole('heading', { name: 'Configuración de cartera', level: 1 }).waitFor();

          const limites = pagina.getByRole('textbox', { name: /^Límites de los tramos/ });
          await esperar(async () => (await limites.inputValue()) === original.limitesTramos.join(' '), {
            mensaje: 'los límites guardados en el campo',
          });
          const vista = pagina.getByTestId('vista-previa-tramos');
          const porcentajes = pagina.getByTestId('porcentajes-provision').getByRole('textbox');

          // An invalid list: the preview says why, the percentages stay with the last valid buckets.
          await limites.fill('30 20');
          await vista.getByText(/orden creciente/).waitFor();
          assert.equal(await porcentajes.count(), original.limitesTramos.length + 2);

          // Split the first bucket: the live preview and one percentage per bucket, the new ones taking
          // the percentage of the bucket they come from.
          await limites.fill('15 45 90');
          for (const etiqueta of [
            'Por vencer',
            '1 a 15 días',
            '16 a 45 días',
            '46 a 90 días',
            'Más de 90 días',
          ])
            await vista.getByText(etiqueta, { exact: true }).waitFor();
          await esperar(async () => (await porcentajes.count()) === 5, { mensaje: '5 porcentajes' });
          await pagina.getByRole('textbox', { name: 'Provisión Más de 90 días' }).fill('80');

          await pagina.getByText('Monto menor primero', { exact: true }).click();
          await pagina
            .getByRole('textbox', { name: 'Documentos manuales sin referencia' })
            .fill(`1105-${marca().slice(0, 4)}`);
          await pagina.getByRole('button', { name: 'Guardar configuración' }).click();
          await pagina.getByText('Configuración guardada.').waitFor();

          const guardada = await api('/api/v1/cartera/configuracion');
          assert.deepEqual(guardada.limitesTramos.map(Number), [15, 45, 90]);
          assert.equal(guardada.ordenImputacion, 'monto_menor');
          assert.equal(guardada.porcentajesProvision.length, 5);
          assert.equal(Number(guardada.porcentajesProvision[4]), 80);

          // The aging uses the new buckets.
          await nav.getByRole('link', { name: 'Antigüedad de saldos', exact: true }).click();
          const tabla = pagina.getByRole('table', { name: 'Antigüedad de saldos' });
          for (const etiqueta of ['1 a 15 días', '16 a 45 días', '46 a 90 días', 'Más de 90 días'])
            await tabla.getByRole('columnheader', { name: etiqueta, exact: true }).waitFor();
          assert.equal(
            await tabla.getByRole('columnheader', { name: '1 a 30 días', exact: true }).count(),
            0,
          );

          // So does the provision report, with the 80 % of the last bucket.
          await nav.getByRole('link', { name: 'Provisión de incobrables', exact: true }).click();
          const provision = pagina.getByRole('table', { name: 'Provisión por tramo' });
          const ultima = provision.getByRole('row', { name: /Más de 90 días/ });
          await ultima.waitFor();
          assert.match(await ultima.textContent(), /80 %/);
          assert.equal(await provision.locator('tbody tr').count(), 5);
        });

        // A user who is not an administrator sees the configuration without being able to save it.
        const lector = await nuevaPagina(navegador);
        await conCaptura(t, lector, async () => {
          await iniciarSesion(lector, otroUsuario(admin));
          await lector.goto('/cartera/configuracion');
          await lector.getByText('Solo un administrador puede modificar la configuración.').waitFor();
          const limites = lector.getByRole('textbox', { name: /^Límites de los tramos/ });
          await esperar(async () => (await limites.inputValue()) === '15 45 90', {
            mensaje: 'los límites guardados',
          });
          assert.equal(await limites.getAttribute('readonly'), '');
          assert.equal(await lector.getByRole('button', { name: 'Guardar configuración' }).count(), 0);
        });
      } finally {
        await api('/api/v1/cartera/configuracion', {
          method: 'PUT',
          body: {
            limitesTramos: original.limitesTramos,
            ordenImputacion: original.ordenImputacion,
            porcentajesProvision: original.porcentajesProvision,
            cuentaContableConReferencia: original.cuentaContableConReferencia,
            cuentaContableSinReferencia: original.cuentaContableSinReferencia,
          },
        });
      }
    },
  );

  test(
    '2. letra: se envía a cobranza bancaria, el protesto de una letra por vencer falla en el campo y la vencida queda protestada',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const cliente = await crearCliente(api, `Letras E2E ${marca()} SpA`);
      const letra = (folio, emision, vencimiento) => ({
        tipo: 'letra',
        folio,
        clienteId: cliente.id,
        fechaEmision: fechaSantiago(emision),
        fechaVencimiento: fechaSantiago(vencimiento),
        neto: 0,
        exento: 250000,
        iva: 0,
        total: 250000,
      });
      const vencida = await crearDocumento(api, letra(folioNuevo(), -60, -10));
      const porVencer = await crearDocumento(api, letra(folioNuevo(), -5, 25));

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);

        // A letra not yet due cannot be protested: the server's error shows at the date.
        await pagina.goto(`/cartera/documentos/${porVencer.id}`);
        await pagina.getByRole('button', { name: 'Protestar' }).click();
        let dialogo = pagina.getByRole('dialog', { name: 'Protestar documento' });
        await dialogo.getByRole('textbox', { name: 'Motivo' }).fill('Falta de pago');
        await dialogo.getByRole('button', { name: 'Protestar' }).click();
        const campoFecha = dialogo.getByLabel('Fecha', { exact: true });
        await esperar(async () => /cuota vencida/.test(await textoDescritoPor(campoFecha)), {
          mensaje: 'el error del servidor en la fecha del protesto',
        });
        await dialogo.getByRole('button', { name: 'Cancelar' }).click();

        // The overdue letra: to the bank, then protested.
        await pagina.goto(`/cartera/documentos/${vencida.id}`);
        await pagina.getByRole('button', { name: 'Enviar a cobranza bancaria' }).click();
        dialogo = pagina.getByRole('dialog', { name: 'Enviar a cobranza bancaria' });
        await dialogo.getByRole('button', { name: 'Enviar al banco' }).click();
        await esperar(
          async () =>
            /Indique el banco/.test(await textoDescritoPor(dialogo.getByRole('textbox', { name: 'Banco' }))),
          { mensaje: 'el banco es obligatorio' },
        );
        await dialogo.getByRole('textbox', { name: 'Banco' }).fill('Banco de Chile');
        await dialogo.getByRole('button', { name: 'Enviar al banco' }).click();
        await pagina
          .getByTestId('cobranza-bancaria')
          .getByText(/En cobranza bancaria en Banco de Chile/)
          .waitFor();
        await pagina.getByRole('button', { name: 'Retirar del banco' }).waitFor();

        await pagina.getByRole('button', { name: 'Protestar' }).click();
        dialogo = pagina.getByRole('dialog', { name: 'Protestar documento' });
        await dialogo.getByRole('textbox', { name: 'Motivo' }).fill('Falta de pago');
        await dialogo.getByRole('textbox', { name: 'Costo del protesto' }).fill('12500');
        await dialogo.getByRole('button', { name: 'Protestar' }).click();
        await pagina
          .getByTestId('protesto-documento')
          .getByText(/Falta de pago · costo del protesto \$12\.500/)
          .waitFor();
        await pagina.getByRole('heading', { level: 1 }).getByText('Protestado', { exact: true }).waitFor();
        assert.equal(await pagina.getByRole('button', { name: 'Protestar' }).count(), 0);

        const documento = await api(`/api/v1/documentos/${vencida.id}`);
        assert.equal(documento.estado, 'protestado');
        assert.equal(documento.cobranzaBancaria.banco, 'Banco de Chile');
      });
    },
  );

  test(
    '3. nota de crédito compensada a mano contra una factura: baja el saldo de la factura y se reversa',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const cliente = await crearCliente(api, `Compensa E2E ${marca()} SpA`);
      const folio = folioNuevo();
      const factura = await crearDocumento(api, {
        tipo: '33',
        folio,
        clienteId: cliente.id,
        fechaEmision: fechaSantiago(-40),
        fechaVencimiento: fechaSantiago(-10),
        neto: 100000,
        exento: 0,
        iva: 19000,
        total: 119000,
      });
      const folioNota = folioNuevo();
      const nota = await crearDocumento(api, {
        tipo: '61',
        folio: folioNota,
        clienteId: cliente.id,
        fechaEmision: fechaSantiago(0),
        fechaVencimiento: fechaSantiago(0),
        neto: 30000,
        exento: 0,
        iva: 0,
        total: 30000,
      });

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina.goto(`/cartera/documentos/${nota.id}`);
        await pagina.getByRole('link', { name: 'Compensar nota de crédito' }).click();
        await pagina.waitForURL(/\/cartera\/compensaciones\/nueva\?notaCreditoId=/);
        assert.equal(await pagina.getByTestId('saldo-nota-credito').textContent(), '$30.000');

        await pagina.locator('label', { hasText: /^Manual$/ }).click();
        const monto = pagina.getByRole('textbox', { name: `Compensar Factura N° ${folio}` });
        // More than the credit note's balance: the screen says so before sending.
        await monto.fill('40000');
        await pagina.getByText('El total supera el saldo de la nota de crédito.').waitFor();
        assert.equal(await pagina.getByRole('button', { name: 'Compensar', exact: true }).isDisabled(), true);
        await monto.fill('25000');
        await esperar(
          async () => (await pagina.getByTestId('total-compensacion').textContent()) === '$25.000',
          {
            mensaje: 'total $25.000',
          },
        );
        await pagina.getByText('Queda en la nota de crédito: $5.000').waitFor();
        await pagina.getByRole('textbox', { name: 'Motivo' }).fill('Cruce de cuentas acordado');
        await pagina.getByRole('button', { name: 'Compensar', exact: true }).click();

        await pagina.waitForURL(/\/cartera\/compensaciones\/[0-9a-f-]{36}$/);
        assert.equal(await pagina.getByTestId('monto-compensacion').textContent(), '$25.000');
        const lineas = pagina.getByRole('table', { name: 'Líneas de la compensación' });
        await lineas.getByRole('row', { name: new RegExp(`Factura N° ${folio}.*\\$25\\.000`) }).waitFor();

        await lineas.getByRole('link', { name: `Factura N° ${folio}` }).click();
        await pagina.waitForURL(`**/cartera/documentos/${factura.id}`);
        await esperar(async () => (await pagina.getByTestId('saldo-documento').textContent()) === '$94.000', {
          mensaje: 'saldo de la factura $94.000',
        });

        // The client's compensations, and the reversal.
        await pagina.goto(`/clientes/${cliente.id}`);
        await pagina.getByRole('main').getByRole('link', { name: 'Compensaciones' }).click();
        await pagina.waitForURL(/\/cartera\/compensaciones\?clienteId=/);
        const lista = pagina.getByRole('table', { name: 'Compensaciones' });
        await lista.getByRole('row', { name: new RegExp(`Nota de crédito N° ${folioNota}`) }).waitFor();
        assert.equal(await lista.locator('tbody tr').count(), 1);
        await lista.getByRole('link', { name: 'Ver' }).click();
        await pagina.getByRole('button', { name: 'Reversar' }).click();
        const dialogo = pagina.getByRole('dialog', { name: 'Reversar compensación' });
        await dialogo.getByRole('textbox', { name: 'Motivo' }).fill('Cruce mal acordado');
        await dialogo.getByRole('button', { name: 'Reversar' }).click();
        await pagina
          .getByTestId('reversa-compensacion')
          .getByText(/Cruce mal acordado/)
          .waitFor();
        assert.equal(Number((await api(`/api/v1/documentos/${factura.id}`)).saldo), 119000);
        assert.equal(Number((await api(`/api/v1/documentos/${nota.id}`)).saldo), 30000);
      });
    },
  );
});
