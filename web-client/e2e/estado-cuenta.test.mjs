// Browser test: downloading the client's account statement (PDF / XLSX) from the Cartera tab.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  conCaptura,
  fechaSantiago,
  iniciarSesion,
  marca,
  nuevaPagina,
  rutNuevo,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

describe('SPA Cobranzas: estado de cuenta descargable', () => {
  let navegador;
  let admin;

  before(async () => {
    admin = administradorPrimeraEmpresa();
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test('1. la pestaña Cartera del cliente descarga el estado de cuenta en PDF y XLSX', LIMITE, async (t) => {
    const api = await apiComo(admin);
    const rut = rutNuevo();
    const cliente = await api('/api/v1/clientes', {
      method: 'POST',
      body: {
        rut,
        razonSocial: `Estado de cuenta E2E ${marca()} SpA`,
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
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, admin);
      await pagina.goto(`/clientes/${cliente.id}?tab=cartera`);
      await pagina.getByTestId('estado-cuenta-saldo').waitFor();

      const [pdf] = await Promise.all([
        pagina.waitForEvent('download'),
        pagina.getByRole('button', { name: 'Descargar PDF' }).click(),
      ]);
      assert.match(pdf.suggestedFilename(), /\.pdf$/);
      const bytesPdf = readFileSync(await pdf.path());
      assert.equal(bytesPdf.subarray(0, 4).toString('latin1'), '%PDF', 'el archivo descargado es un PDF');
      assert.ok(bytesPdf.length > 5_000, `PDF de ${bytesPdf.length} bytes`);
      assert.ok(
        bytesPdf.toString('latin1').includes(cliente.rut),
        'el PDF lleva el RUT del cliente en su título',
      );

      const [xlsx] = await Promise.all([
        pagina.waitForEvent('download'),
        pagina.getByRole('button', { name: 'Descargar XLSX' }).click(),
      ]);
      assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
      const bytesXlsx = readFileSync(await xlsx.path());
      assert.equal(bytesXlsx.subarray(0, 2).toString('latin1'), 'PK', 'el XLSX es un archivo zip');
    });
  });
});
