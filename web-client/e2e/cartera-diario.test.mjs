// Browser tests of a collections team's daily flows: a cheque a fecha through its whole cycle from the UI,
// searching a client without accents, and the aging bucket drill-down as of the cut-off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  comoCampoFecha,
  conCaptura,
  esperar,
  fechaSantiago,
  iniciarSesion,
  marca,
  nuevaPagina,
  respuestaDe,
  rutNuevo,
} from './soporte.mjs';

const LIMITE = { timeout: 240_000 };

const nuevoCliente = (api, razonSocial, rut = rutNuevo()) =>
  api('/api/v1/clientes', {
    method: 'POST',
    body: {
      rut,
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

const nuevaFactura = (api, clienteId, folio, total, emision, vencimiento) =>
  api('/api/v1/documentos', {
    method: 'POST',
    body: {
      clienteId,
      rut: null,
      tipo: '33',
      folio,
      fechaEmision: emision,
      fechaVencimiento: vencimiento,
      moneda: 'CLP',
      neto: Math.round(total / 1.19),
      exento: 0,
      iva: total - Math.round(total / 1.19),
      total,
      cuotas: null,
      externalId: null,
      origen: 'manual',
    },
  });

/** The client's balance in the aging (its account statement at today's cut-off). */
const saldoCliente = async (api, clienteId) =>
  Number((await api(`/api/v1/clientes/${clienteId}/estado-cuenta`)).saldo);

describe('SPA Cobranzas: el día de un equipo de cobranza', () => {
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
    '1. cheques a fecha desde "Registrar pago": en cartera, depositado y cobrado; la antigüedad sólo baja al cobrarse',
    LIMITE,
    async (t) => {
      const m = marca();
      const api = await apiComo(admin);
      const cliente = await nuevoCliente(api, `Cheques diario E2E ${m} SpA`);
      const folio = 700_000 + Math.floor(Math.random() * 99_000);
      const factura = await nuevaFactura(
        api,
        cliente.id,
        folio,
        300_000,
        fechaSantiago(-60),
        fechaSantiago(-20),
      );
      const saldoInicial = await saldoCliente(api, cliente.id);
      assert.equal(saldoInicial, 300_000);
      const numeroHoy = `${m}1`;
      const numeroFuturo = `${m}2`;

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        // From the document's page: "Registrar pago" opens the form for its client.
        await pagina.goto(`/cartera/documentos/${factura.id}`);
        await pagina.getByRole('link', { name: 'Registrar pago' }).click();
        await pagina.waitForURL(/\/cartera\/pagos\/nuevo\?.*aplicar=/);
        await pagina.getByRole('textbox', { name: /^Canal/ }).click();
        await pagina.getByRole('option', { name: 'Cheque', exact: true }).click();

        // Received five days ago: two cheques, one dated today and one in a month (both a fecha).
        const recepcion = pagina.getByRole('textbox', { name: /^Fecha de recepción/ });
        await recepcion.fill(comoCampoFecha(fechaSantiago(-5)));
        await recepcion.press('Tab');
        const cheque1 = pagina.getByRole('group', { name: 'Cheque 1' });
        const fecha1 = cheque1.getByRole('textbox', { name: /^Fecha del cheque/ });
        await fecha1.fill(comoCampoFecha(fechaSantiago(0)));
        await fecha1.press('Tab');
        await cheque1.getByRole('textbox', { name: /^Monto del cheque/ }).fill('100000');
        await cheque1.getByRole('textbox', { name: 'Banco' }).fill('Banco Estado');
        await cheque1.getByRole('textbox', { name: /^Número de cheque/ }).fill(numeroHoy);
        await pagina.getByRole('button', { name: 'Agregar cheque' }).click();
        const cheque2 = pagina.getByRole('group', { name: 'Cheque 2' });
        const fecha2 = cheque2.getByRole('textbox', { name: /^Fecha del cheque/ });
        await fecha2.fill(comoCampoFecha(fechaSantiago(30)));
        await fecha2.press('Tab');
        await cheque2.getByRole('textbox', { name: /^Monto del cheque/ }).fill('150000');
        await cheque2.getByRole('textbox', { name: 'Banco' }).fill('Banco BCI');
        await cheque2.getByRole('textbox', { name: /^Número de cheque/ }).fill(numeroFuturo);
        assert.equal(await pagina.getByRole('textbox', { name: /^Monto total/ }).inputValue(), '250.000');

        await pagina.getByRole('button', { name: 'Guardar pago' }).click();
        await pagina.waitForURL(/\/cartera\/cheques\?.*vista=todos/);
        const tabla = pagina.getByRole('table', { name: 'Cheques' });
        const ref1 = `Cheque N° ${numeroHoy} Banco Estado`;
        const ref2 = `Cheque N° ${numeroFuturo} Banco BCI`;
        for (const ref of [ref1, ref2]) {
          const fila = tabla.getByRole('row', { name: new RegExp(ref) });
          await fila.waitFor();
          assert.match(await fila.textContent(), /En cartera/);
        }
        // En cartera: registered, not cashed: the aging still has the whole invoice.
        assert.equal(await saldoCliente(api, cliente.id), saldoInicial);

        // Today's cheque is due: deposit it from "Por depositar hoy".
        await pagina.goto(`/cartera/cheques?clienteId=${cliente.id}`);
        await tabla.getByRole('button', { name: `Depositar cheque ${ref1}` }).click();
        let dialogo = pagina.getByRole('dialog', { name: 'Depositar cheque' });
        await dialogo
          .getByRole('textbox', { name: /^Cuenta de depósito/ })
          .fill('Banco de Chile 00-123-45678-09');
        await dialogo.getByRole('button', { name: 'Depositar', exact: true }).click();
        await dialogo.waitFor({ state: 'detached' });
        assert.equal(await saldoCliente(api, cliente.id), saldoInicial, 'depositado: aún no es dinero');

        await pagina.getByRole('tab', { name: /Depositados/ }).click();
        await pagina.waitForURL(/vista=depositados/);
        const depositado = tabla.getByRole('row', { name: new RegExp(ref1) });
        await depositado.getByRole('button', { name: `Marcar cobrado cheque ${ref1}` }).click();
        dialogo = pagina.getByRole('dialog', { name: 'Marcar cheque cobrado' });
        await dialogo.getByRole('button', { name: 'Marcar cobrado' }).click();
        await dialogo.waitFor({ state: 'detached' });

        // Cobrado: applied to the invoice; the future cheque is still en cartera and does not count.
        await esperar(async () => (await saldoCliente(api, cliente.id)) === saldoInicial - 100_000, {
          mensaje: 'el saldo baja en el cheque cobrado',
        });
        const cheques = await api(`/api/v1/cheques?clienteId=${cliente.id}`);
        const estados = Object.fromEntries(cheques.items.map((c) => [c.referencia, c.estado]));
        assert.deepEqual(estados, { [ref1]: 'cobrado', [ref2]: 'en_cartera' });
        await pagina.goto(`/cartera/documentos/${factura.id}`);
        await esperar(
          async () => (await pagina.getByTestId('saldo-documento').textContent()) === '$200.000',
          {
            mensaje: 'saldo del documento $200.000',
          },
        );
      });
    },
  );

  test('2. la búsqueda de clientes ignora acentos y mayúsculas y junta palabras', LIMITE, async (t) => {
    const m = marca();
    const api = await apiComo(admin);
    const razonSocial = `Comercial Marín Lovato ${m} E.I.R.L.`;
    await nuevoCliente(api, razonSocial);

    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, admin);
      await pagina.goto('/clientes');
      const buscar = pagina.getByRole('textbox', { name: /^Buscar/ });
      const respuesta = respuestaDe(pagina, '/api/v1/clientes', { buscar: `MARIN lovato ${m}` });
      await buscar.fill(`MARIN lovato ${m}`);
      await respuesta;
      await pagina.getByRole('table').getByText(razonSocial).waitFor();

      // The same search in the client picker of another screen.
      await pagina.goto('/cartera/pagos/nuevo');
      await pagina.getByRole('heading', { name: 'Registrar pago', level: 1 }).waitFor();
      const campo = pagina.getByRole('textbox', { name: /^Cliente/ });
      await campo.click();
      const busqueda = respuestaDe(pagina, '/api/v1/clientes', { buscar: `marin ${m}` });
      await campo.fill(`marin ${m}`);
      assert.ok((await busqueda).ok());
      await pagina.getByRole('option', { name: new RegExp(`Marín Lovato ${m}`) }).click();
      assert.match(await campo.inputValue(), /Marín Lovato/);
    });
  });

  test(
    '3. el detalle de un tramo de la antigüedad lista sus documentos a la fecha de corte',
    LIMITE,
    async (t) => {
      const m = marca();
      const api = await apiComo(admin);
      const cliente = await nuevoCliente(api, `Tramos diario E2E ${m} SpA`);
      const base = 800_000 + Math.floor(Math.random() * 99_000);
      // Both 100 days past due: one paid, one owed; a third only 10 days past due.
      const pagada = await nuevaFactura(
        api,
        cliente.id,
        base,
        50_000,
        fechaSantiago(-130),
        fechaSantiago(-100),
      );
      await nuevaFactura(api, cliente.id, base + 1, 70_000, fechaSantiago(-130), fechaSantiago(-100));
      await nuevaFactura(api, cliente.id, base + 2, 90_000, fechaSantiago(-40), fechaSantiago(-10));
      await api('/api/v1/pagos', {
        method: 'POST',
        body: {
          clienteId: cliente.id,
          rut: null,
          fecha: fechaSantiago(-1),
          monto: 50_000,
          moneda: 'CLP',
          canal: 'transferencia',
          referencia: `T-${m}`,
          aplicacion: 'manual',
          aplicaciones: [{ documentoId: pagada.id, cuota: null, monto: 50_000 }],
        },
      });

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina.goto(`/cartera/antiguedad?agrupar=cliente`);
        await pagina.getByRole('heading', { name: 'Antigüedad de saldos', level: 1 }).waitFor();
        // The bucket total of the whole company (tfoot): "91 a 120 días" is the fifth link (after the client column).
        const enlace = pagina
          .getByRole('table', { name: 'Antigüedad de saldos' })
          .locator('tfoot')
          .getByRole('link', { name: /./ })
          .nth(4);
        await enlace.click();
        await pagina.waitForURL(/\/cartera\/documentos\?.*tramo=91-120/);
        const filtro = new URL(pagina.url()).searchParams;
        assert.equal(filtro.get('fechaCorte'), fechaSantiago(0));
        // Narrow the same drill-down to the new client.
        filtro.set('clienteId', cliente.id);
        const lista = respuestaDe(pagina, '/api/v1/documentos', { tramo: '91-120', clienteId: cliente.id });
        await pagina.goto(`/cartera/documentos?${filtro}`);
        const documentos = await (await lista).json();
        assert.deepEqual(
          documentos.items.map((d) => Number(d.folio)),
          [base + 1],
          'sólo la factura impaga de 100 días: ni la pagada ni la de 10 días',
        );
        const tabla = pagina.getByRole('table', { name: 'Documentos' });
        await tabla.getByRole('row', { name: new RegExp(`Factura N° ${base + 1}`) }).waitFor();
        assert.equal(await tabla.getByRole('row', { name: new RegExp(`Factura N° ${base}\\b`) }).count(), 0);

        // At a cut-off before the payment the paid invoice was still owed in that bucket.
        const antes = fechaSantiago(-2);
        const lista2 = respuestaDe(pagina, '/api/v1/documentos', { tramo: '91-120', fechaCorte: antes });
        await pagina.goto(`/cartera/documentos?tramo=91-120&fechaCorte=${antes}&clienteId=${cliente.id}`);
        const alCorte = await (await lista2).json();
        assert.deepEqual(alCorte.items.map((d) => Number(d.folio)).sort(), [base, base + 1]);

        // Multi-select: the two open invoices, paid from the list with their balances.
        await pagina.goto(`/cartera/documentos?clienteId=${cliente.id}`);
        await pagina.getByRole('checkbox', { name: `Elegir Factura N° ${base + 1}` }).check();
        await pagina.getByRole('checkbox', { name: `Elegir Factura N° ${base + 2}` }).check();
        await pagina.getByRole('link', { name: 'Registrar pago de los elegidos' }).click();
        await pagina.waitForURL(/\/cartera\/pagos\/nuevo\?.*aplicar=/);
        assert.equal(await pagina.getByRole('textbox', { name: /^Monto/ }).inputValue(), '160.000');
      });
    },
  );
});
