// Browser tests of the cheque board actions and the document import column mapping.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

describe('SPA Cobranzas: cheques a fecha e importación con mapeo', () => {
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
    '4. cheque a fecha: depositar (error del servidor en la fecha), cobrar y protestar reabre el documento',
    LIMITE,
    async (t) => {
      const m = marca();
      const api = await apiComo(admin);

      // A cheque dated tomorrow cannot be deposited today: the server's rule shows at the date field.
      const clienteFuturo = await nuevoCliente(api, `Cheque futuro E2E ${m} SpA`);
      const referenciaFutura = `CF-${m}`;
      await api('/api/v1/pagos', {
        method: 'POST',
        body: {
          clienteId: clienteFuturo.id,
          rut: null,
          fecha: fechaSantiago(0),
          monto: 50000,
          moneda: 'CLP',
          canal: 'cheque',
          referencia: referenciaFutura,
          aplicacion: 'automatica',
          aplicaciones: null,
          fechaCheque: fechaSantiago(1),
        },
      });

      // The demo data has cheques a fecha received weeks ago and due today, for clients with unpaid invoices.
      const porDepositar = await api(
        `/api/v1/cheques?estado=en_cartera&venceHasta=${fechaSantiago(0)}&tamanoPagina=50`,
      );
      const cheque = porDepositar.items.find((c) => c.referencia);
      assert.ok(cheque, 'hay un cheque a fecha por depositar hoy en los datos demo');
      const ref = cheque.referencia;

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina
          .getByRole('navigation', { name: 'Navegación principal' })
          .getByRole('link', { name: 'Cheques', exact: true })
          .click();
        await pagina.getByRole('heading', { name: 'Cheques', level: 1 }).waitFor();
        await pagina.getByRole('tab', { name: /Por depositar hoy/ }).waitFor();

        // Cheque dated tomorrow: section "En cartera (a fecha)".
        await pagina.goto(`/cartera/cheques?vista=en_cartera&clienteId=${clienteFuturo.id}`);
        await pagina.getByRole('button', { name: `Depositar cheque ${referenciaFutura}` }).click();
        let dialogo = pagina.getByRole('dialog', { name: 'Depositar cheque' });
        await dialogo.getByRole('textbox', { name: /^Cuenta de depósito/ }).fill('Banco Estado 123456');
        await dialogo.getByRole('button', { name: 'Depositar', exact: true }).click();
        const campoFecha = dialogo.getByRole('textbox', { name: /^Fecha del depósito/ });
        await esperar(async () => (await campoFecha.getAttribute('aria-invalid')) === 'true', {
          mensaje: 'error del servidor en la fecha del depósito',
        });
        assert.match(await textoDescritoPor(campoFecha), /no se deposita antes/);
        await dialogo.getByRole('button', { name: 'Cancelar' }).click();

        // The demo cheque due today: deposit it from "Por depositar hoy".
        await pagina.goto(`/cartera/cheques?clienteId=${cheque.cliente.id}`);
        const tabla = pagina.getByRole('table', { name: 'Cheques' });
        await tabla.getByRole('button', { name: `Depositar cheque ${ref}` }).click();
        dialogo = pagina.getByRole('dialog', { name: 'Depositar cheque' });
        await dialogo
          .getByRole('textbox', { name: /^Cuenta de depósito/ })
          .fill('Banco de Chile 00-123-45678-09');
        await dialogo.getByRole('button', { name: 'Depositar', exact: true }).click();
        await dialogo.waitFor({ state: 'detached' });
        await tabla.getByRole('button', { name: `Depositar cheque ${ref}` }).waitFor({ state: 'detached' });

        // "Depositados": the bank cleared it.
        await pagina.getByRole('tab', { name: /Depositados/ }).click();
        await pagina.waitForURL(/vista=depositados/);
        const fila = tabla.getByRole('row', { name: new RegExp(ref) });
        assert.match(await fila.textContent(), /Banco de Chile 00-123-45678-09/);
        await fila.getByRole('button', { name: `Marcar cobrado cheque ${ref}` }).click();
        dialogo = pagina.getByRole('dialog', { name: 'Marcar cheque cobrado' });
        await dialogo.getByRole('button', { name: 'Marcar cobrado' }).click();
        await dialogo.waitFor({ state: 'detached' });

        const cobrado = await api(`/api/v1/pagos/${cheque.pagoId}`);
        const aplicacion = cobrado.aplicaciones.find((a) => !a.fechaReversa);
        assert.ok(aplicacion, 'el cobro aplicó el cheque a un documento del cliente');
        const antes = await api(`/api/v1/documentos/${aplicacion.documentoId}`);

        // The cheque comes back protested: its applications are reversed and the document owes again.
        await pagina.getByRole('tab', { name: 'Todos' }).click();
        await pagina.waitForURL(/vista=todos/);
        await tabla.getByRole('button', { name: `Protestar cheque ${ref}` }).click();
        dialogo = pagina.getByRole('dialog', { name: 'Protestar cheque' });
        // Mandatory reason: the form asks for it before calling the API.
        await dialogo.getByRole('button', { name: 'Protestar', exact: true }).click();
        await dialogo.getByText('Indique el motivo del protesto.').waitFor();
        await dialogo.getByRole('textbox', { name: 'Motivo' }).fill('Falta de fondos');
        await dialogo.getByRole('textbox', { name: /^Costo del protesto/ }).fill('4500');
        await dialogo.getByRole('button', { name: 'Protestar', exact: true }).click();
        await dialogo.waitFor({ state: 'detached' });

        await pagina.getByRole('tab', { name: /Protestados/ }).click();
        const protestado = tabla.getByRole('row', { name: new RegExp(ref) });
        await protestado.waitFor();
        assert.match(await protestado.textContent(), /Falta de fondos/);
        assert.match(await protestado.textContent(), /\$4\.500/);

        await pagina.goto(`/cartera/documentos/${aplicacion.documentoId}`);
        await pagina.getByRole('heading', { level: 1 }).getByText('Protestado').waitFor();
        const aplicaciones = pagina.getByRole('table', { name: 'Aplicaciones' });
        await aplicaciones.getByText(/Cheque protestado: Falta de fondos/).waitFor();
        const despues = await api(`/api/v1/documentos/${aplicacion.documentoId}`);
        assert.equal(despues.estado, 'protestado');
        assert.equal(Number(despues.saldo), Number(antes.saldo) + Number(aplicacion.monto));
      });
    },
  );

  test('5. importar documentos con una columna renombrada elegida en el mapeo', LIMITE, async (t) => {
    const m = marca();
    const api = await apiComo(admin);
    const rut = rutNuevo();
    const cliente = await nuevoCliente(api, `Mapeo E2E ${m} SpA`, rut);
    const folio = 100_000 + Math.floor(Math.random() * 800_000_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'mapeo-e2e-'));
    const archivo = path.join(dir, `erp-${m}.csv`);
    writeFileSync(
      archivo,
      '\uFEFF' +
        [
          'Tipo DTE;Correlativo SII;RUT Cliente;Fecha Emisión;Vencimiento;Moneda;Monto Neto;Exento;IVA;Monto Total',
          `33;${folio};${rut};${fechaSantiago(-3)};${fechaSantiago(27)};CLP;10000;0;1900;11900`,
          `33;${folio + 1};${rut};${fechaSantiago(-2)};${fechaSantiago(28)};CLP;20000;0;3800;23800`,
        ].join('\r\n') +
        '\r\n',
    );

    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, admin);
      await pagina
        .getByRole('navigation', { name: 'Navegación principal' })
        .getByRole('link', { name: 'Importar documentos', exact: true })
        .click();
      await pagina.getByRole('heading', { name: 'Importar documentos', level: 1 }).waitFor();
      await pagina.locator('input[type="file"]').setInputFiles(archivo);

      // Columns suggested by name; "Correlativo SII" is not a known name for the folio.
      const columnas = pagina.getByRole('group', { name: 'Columnas del archivo' });
      await columnas.waitFor();
      assert.equal(await columnas.getByRole('textbox', { name: /^Tipo/ }).inputValue(), 'Tipo DTE');
      assert.equal(
        await columnas.getByRole('textbox', { name: /^Fecha de emisión/ }).inputValue(),
        'Fecha Emisión',
      );
      assert.equal(await columnas.getByRole('textbox', { name: /^Total/ }).inputValue(), 'Monto Total');
      const campoFolio = columnas.getByRole('textbox', { name: /^Folio/ });
      assert.equal(await campoFolio.inputValue(), '');

      await pagina.getByRole('button', { name: 'Importar', exact: true }).click();
      await esperar(async () => (await campoFolio.getAttribute('aria-invalid')) === 'true', {
        mensaje: 'el folio pide su columna',
      });

      await campoFolio.click();
      await pagina.getByRole('option', { name: 'Correlativo SII' }).click();
      assert.equal(await campoFolio.inputValue(), 'Correlativo SII');
      await pagina.getByRole('button', { name: 'Importar', exact: true }).click();
      await pagina.getByText('Importación aplicada', { exact: true }).first().waitFor();

      const documentos = await api(`/api/v1/documentos?clienteId=${cliente.id}&orden=folio`);
      assert.deepEqual(
        documentos.items.map((d) => [Number(d.folio), Number(d.total)]),
        [
          [folio, 11900],
          [folio + 1, 23800],
        ],
      );
    });
  });

  test(
    '6. valores UF: importar un CSV (errores por fila, luego válido) y verlos en la lista',
    LIMITE,
    async (t) => {
      const m = marca();
      const dir = mkdtempSync(path.join(tmpdir(), 'uf-e2e-'));
      // Dates far in the future, unique per run, so the values are this test's own.
      const anio = 2090 + (parseInt(m.slice(-3), 36) % 9);
      const dia = String(1 + (parseInt(m.slice(-2), 36) % 27)).padStart(2, '0');
      const malo = path.join(dir, `uf-malo-${m}.csv`);
      writeFileSync(malo, `fecha;valor\n${anio}-01-${dia};41.234,56\n${anio}-01-32;41.000\n`);
      const bueno = path.join(dir, `uf-${m}.csv`);
      writeFileSync(bueno, `fecha;valor\n${anio}-01-${dia};41.234,56\n${dia}-02-${anio};41.300,12\n`);

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina
          .getByRole('navigation', { name: 'Navegación principal' })
          .getByRole('link', { name: 'Valores UF', exact: true })
          .click();
        await pagina.getByRole('heading', { name: 'Valores UF', level: 1 }).waitFor();
        const archivo = pagina.locator('input[type="file"]');

        await archivo.setInputFiles(malo);
        await pagina.getByRole('button', { name: 'Importar valores' }).click();
        await pagina.getByText('No se importó ningún valor').waitFor();
        const filas = pagina.getByRole('table', { name: 'Errores de importación' }).locator('tbody tr');
        assert.equal(await filas.count(), 1);
        const celdas = await filas.first().locator('td').allInnerTexts();
        assert.deepEqual(celdas.slice(0, 2), ['3', 'fecha']);

        await archivo.setInputFiles(bueno);
        await pagina.getByRole('button', { name: 'Importar valores' }).click();
        await pagina.getByText('Valores UF importados', { exact: true }).first().waitFor();

        // DateInput takes a typed date when the field loses focus; the end first, so the range stays valid.
        const hasta = pagina.getByRole('textbox', { name: 'Hasta' });
        await hasta.fill(`28-02-${anio}`);
        await hasta.press('Tab');
        await esperar(async () => (await hasta.inputValue()) === `28-02-${anio}`, { mensaje: 'fecha hasta' });
        const desde = pagina.getByRole('textbox', { name: 'Desde' });
        await desde.fill(`01-01-${anio}`);
        await desde.press('Tab');
        const tabla = pagina.getByRole('table', { name: 'Valores UF' });
        await tabla
          .getByRole('row', { name: new RegExp(`${dia}-01-${anio}.*\\$41\\.234,56.*Propio de la empresa`) })
          .waitFor();
        await tabla.getByRole('row', { name: new RegExp(`${dia}-02-${anio}.*\\$41\\.300,12`) }).waitFor();
      });
    },
  );
});
