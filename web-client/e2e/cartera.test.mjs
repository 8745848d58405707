// Browser tests of the Cartera screens against the real API host (see package.json "test:e2e").
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  comoCampoFecha,
  conCaptura,
  elegirCliente,
  esperar,
  fechaSantiago,
  iniciarSesion,
  marca,
  nuevaPagina,
  rutNuevo,
  textoDescritoPor,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

/** `$1.234.567` → 1234567 */
const pesos = (texto) => Number(texto.replace(/[^\d-]/g, ''));

describe('SPA Cobranzas: cartera', () => {
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
    '1. pago parcial con vista previa: baja el saldo del documento y la antigüedad de saldos',
    LIMITE,
    async (t) => {
      const m = marca();
      const api = await apiComo(admin);
      const razonSocial = `Cartera E2E ${m} SpA`;
      const rut = rutNuevo();
      const cliente = await api('/api/v1/clientes', {
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
      // Due 10 days ago: bucket "1 a 30 días".
      const folio = 100_000 + Math.floor(Math.random() * 800_000_000);
      const documento = await api('/api/v1/documentos', {
        method: 'POST',
        body: {
          tipo: '33',
          folio,
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
        const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });

        // Aging before the payment (whole company).
        await nav.getByRole('link', { name: 'Antigüedad de saldos', exact: true }).click();
        await pagina.getByRole('heading', { name: 'Antigüedad de saldos', level: 1 }).waitFor();
        await pagina.locator('label', { hasText: /^Empresa$/ }).click();
        await pagina.waitForURL(/agrupar=empresa/);
        const total = pagina.getByTestId('total-antiguedad');
        await total.waitFor();
        const totalAntes = pesos(await total.textContent());
        assert.ok(totalAntes >= 119000, `total de la cartera ${totalAntes} incluye el documento nuevo`);
        await pagina.getByTestId('grafico-antiguedad').locator('canvas').first().waitFor();

        // Register a partial payment, with the automatic application preview.
        await nav.getByRole('link', { name: 'Pagos', exact: true }).click();
        await pagina.getByRole('link', { name: 'Registrar pago' }).click();
        await pagina.waitForURL('**/cartera/pagos/nuevo');
        await pagina.getByRole('heading', { name: 'Registrar pago', level: 1 }).waitFor();
        await elegirCliente(pagina, razonSocial);
        await pagina.getByRole('textbox', { name: /^Monto/ }).fill('50000');

        const vista = pagina.getByRole('table', { name: 'Vista previa' });
        await vista.getByRole('row', { name: new RegExp(`Factura N° ${folio}`) }).waitFor();
        await esperar(
          async () => (await pagina.getByTestId('vista-previa-aplicado').textContent()) === '$50.000',
          { mensaje: 'monto aplicado $50.000 en la vista previa' },
        );
        assert.equal(await pagina.getByTestId('vista-previa-saldo-a-favor').textContent(), '$0');
        assert.match(
          await vista.getByRole('row', { name: new RegExp(`Factura N° ${folio}`) }).textContent(),
          /\$50\.000/,
        );

        await pagina.getByRole('button', { name: 'Guardar pago' }).click();
        await pagina.waitForURL(/\/cartera\/pagos\/[0-9a-f-]{36}$/);
        await pagina
          .getByRole('table', { name: 'Aplicaciones del pago' })
          .getByRole('link', { name: `Factura N° ${folio}` })
          .click();
        await pagina.waitForURL(`**/cartera/documentos/${documento.id}`);
        await esperar(async () => (await pagina.getByTestId('saldo-documento').textContent()) === '$69.000', {
          mensaje: 'saldo del documento $69.000',
        });
        await pagina.getByRole('table', { name: 'Aplicaciones' }).getByText('Activa').waitFor();

        // The aging total dropped by the payment.
        await nav.getByRole('link', { name: 'Antigüedad de saldos', exact: true }).click();
        await pagina.locator('label', { hasText: /^Empresa$/ }).click();
        await pagina.waitForURL(/agrupar=empresa/);
        await esperar(async () => pesos(await total.textContent()) === totalAntes - 50000, {
          mensaje: `total de la cartera ${totalAntes - 50000}`,
        });

        // Drill-down: the "1 a 30 días" bucket lists the document with its new balance.
        await pagina
          .getByRole('table', { name: 'Antigüedad de saldos' })
          .locator('tfoot')
          .getByRole('link')
          .nth(1)
          .click();
        await pagina.waitForURL(/\/cartera\/documentos\?.*tramo=/);
        const filtrado = new URL(pagina.url()).searchParams;
        assert.equal(filtrado.get('tramo'), '1-30');
        assert.equal(filtrado.get('fechaCorte'), fechaSantiago(0));
        // The bucket holds the demo portfolio too: narrow the same drill-down to this client.
        filtrado.set('clienteId', cliente.id);
        await pagina.goto(`/cartera/documentos?${filtrado}`);
        const fila = pagina
          .getByRole('table', { name: 'Documentos' })
          .getByRole('row', { name: new RegExp(`Factura N° ${folio}`) });
        await fila.waitFor();
        assert.match(await fila.textContent(), /\$69\.000/);

        // The client's account statement.
        await pagina.goto(`/clientes/${cliente.id}?tab=cartera`);
        await esperar(
          async () => (await pagina.getByTestId('estado-cuenta-saldo').textContent()) === '$69.000',
          {
            mensaje: 'saldo del estado de cuenta $69.000',
          },
        );
        await pagina.getByRole('table', { name: 'Pagos del período' }).getByText('$50.000').first().waitFor();
      });
    },
  );
  test(
    '2. documento por la pantalla (folio repetido en el campo), reversa de una aplicación y valor UF',
    LIMITE,
    async (t) => {
      const m = marca();
      const api = await apiComo(admin);
      const razonSocial = `Documentos E2E ${m} SpA`;
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
      const folio = 100_000 + Math.floor(Math.random() * 800_000_000);
      await api('/api/v1/documentos', {
        method: 'POST',
        body: {
          tipo: '33',
          folio,
          clienteId: cliente.id,
          rut: null,
          fechaEmision: fechaSantiago(-5),
          fechaVencimiento: fechaSantiago(25),
          cuotas: null,
          moneda: 'CLP',
          neto: 10000,
          exento: 0,
          iva: 1900,
          total: 11900,
          referencia: null,
          origen: 'manual',
          externalId: null,
          notas: null,
        },
      });

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
        await nav.getByRole('link', { name: 'Documentos', exact: true }).click();
        await pagina.getByRole('link', { name: 'Nuevo documento' }).click();
        await pagina.waitForURL('**/cartera/documentos/nuevo');
        await pagina.getByRole('heading', { name: 'Nuevo documento', level: 1 }).waitFor();
        await elegirCliente(pagina, razonSocial);
        const campoFolio = pagina.getByRole('textbox', { name: /^Folio/ });
        await campoFolio.fill(String(folio));
        await pagina.getByRole('textbox', { name: 'Neto', exact: true }).fill('200000');
        await esperar(
          async () => (await pagina.getByTestId('total-documento').textContent()) === '$238.000',
          {
            mensaje: 'total $238.000 con IVA calculado',
          },
        );
        await pagina.getByRole('button', { name: 'Crear documento' }).click();

        // Same type and folio: the server's conflict is shown at the folio field.
        await esperar(async () => (await campoFolio.getAttribute('aria-invalid')) === 'true', {
          mensaje: 'error en el campo Folio',
        });
        assert.match(await textoDescritoPor(campoFolio), /Ya existe un documento/);
        await campoFolio.fill(String(folio + 1));
        await pagina.getByRole('button', { name: 'Crear documento' }).click();
        await pagina.waitForURL(/\/cartera\/documentos\/[0-9a-f-]{36}$/);
        const documentoId = new URL(pagina.url()).pathname.split('/').pop();
        await pagina.getByRole('heading', { name: new RegExp(`Factura N° ${folio + 1}`) }).waitFor();
        assert.equal(await pagina.getByTestId('saldo-documento').textContent(), '$238.000');

        // A payment applied to it (through the API), then reversed with a reason from the screen.
        await api('/api/v1/pagos', {
          method: 'POST',
          body: {
            clienteId: cliente.id,
            rut: null,
            fecha: fechaSantiago(0),
            monto: 30000,
            moneda: 'CLP',
            canal: 'transferencia',
            referencia: `E2E ${m}`,
            aplicacion: 'manual',
            aplicaciones: [{ documentoId, cuota: null, monto: 30000 }],
          },
        });
        await pagina.reload();
        await esperar(
          async () => (await pagina.getByTestId('saldo-documento').textContent()) === '$208.000',
          {
            mensaje: 'saldo $208.000 tras el pago',
          },
        );
        const aplicaciones = pagina.getByRole('table', { name: 'Aplicaciones' });
        await aplicaciones.getByRole('button', { name: 'Reversar' }).click();
        const dialogo = pagina.getByRole('dialog', { name: 'Reversar aplicación' });
        await dialogo.getByRole('textbox', { name: 'Motivo' }).fill('Pago informado por error');
        await dialogo.getByRole('button', { name: 'Reversar' }).click();
        await aplicaciones.getByText('Reversada').waitFor();
        await aplicaciones.getByText(/Pago informado por error/).waitFor();
        await esperar(
          async () => (await pagina.getByTestId('saldo-documento').textContent()) === '$238.000',
          {
            mensaje: 'saldo $238.000 tras la reversa',
          },
        );

        // UF value upsert.
        await nav.getByRole('link', { name: 'Valores UF', exact: true }).click();
        await pagina.getByRole('heading', { name: 'Valores UF', level: 1 }).waitFor();
        const valor = `39${String(Math.floor(Math.random() * 900) + 100)},45`;
        await pagina.getByRole('textbox', { name: 'Valor UF ($)' }).fill(valor);
        await pagina.getByRole('button', { name: 'Guardar', exact: true }).click();
        const esperado = `$${valor.slice(0, 2)}.${valor.slice(2)}`;
        await pagina
          .getByRole('table', { name: 'Valores UF' })
          .getByRole('cell', { name: esperado })
          .waitFor();
      });
    },
  );
  test(
    '3. importar documentos (tabla de errores por fila, solo filas válidas) y panel de crédito del cliente',
    LIMITE,
    async (t) => {
      const m = marca();
      const api = await apiComo(admin);
      const rut = rutNuevo();
      const razonSocial = `Importación E2E ${m} SpA`;
      const cliente = await api('/api/v1/clientes', {
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
      const folio = 100_000 + Math.floor(Math.random() * 800_000_000);
      const dir = mkdtempSync(path.join(tmpdir(), 'cartera-e2e-'));
      const archivo = path.join(dir, `documentos-${m}.csv`);
      writeFileSync(
        archivo,
        [
          'tipo,folio,rut,fechaEmision,fechaVencimiento,moneda,neto,exento,iva,total,externalId,notas',
          `33,${folio},${rut},${fechaSantiago(-3)},${fechaSantiago(27)},CLP,10000,0,1900,11900,,`,
          `33,${folio + 1},${rut},no-es-fecha,${fechaSantiago(27)},CLP,10000,0,1900,11900,,`,
        ].join('\n') + '\n',
      );

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
        await nav.getByRole('link', { name: 'Importar documentos', exact: true }).click();
        await pagina.getByRole('heading', { name: 'Importar documentos', level: 1 }).waitFor();
        await pagina.locator('input[type="file"]').setInputFiles(archivo);
        await pagina.getByRole('button', { name: 'Importar', exact: true }).click();

        await pagina.getByText('No se importó ningún documento').waitFor();
        const filas = pagina.getByRole('table', { name: 'Errores de importación' }).locator('tbody tr');
        await filas.first().waitFor();
        assert.equal(await filas.count(), 1, 'solo la fila con la fecha mala tiene error');
        const celdas = await filas.first().locator('td').allInnerTexts();
        assert.equal(celdas[0], '3', `fila del error: ${celdas.join(' | ')}`);

        await pagina.getByRole('button', { name: 'Importar solo filas válidas' }).click();
        await pagina.getByText('Importación aplicada', { exact: true }).first().waitFor();

        await pagina.goto(`/clientes/${cliente.id}?tab=cartera`);
        await pagina
          .getByRole('table', { name: 'Documentos abiertos' })
          .getByRole('link', { name: `Factura N° ${folio}` })
          .waitFor();
        await esperar(
          async () => (await pagina.getByTestId('estado-cuenta-saldo').textContent()) === '$11.900',
          {
            mensaje: 'saldo $11.900 del documento importado',
          },
        );
        const credito = pagina.getByRole('region', { name: 'Crédito' });
        await credito.getByText('Exposición').waitFor();
        assert.match(await credito.textContent(), /\$11\.900/);
      });
    },
  );
  test(
    '4. el navegador corre en hora de Santiago y las pantallas proponen la fecha de negocio de Santiago',
    LIMITE,
    async (t) => {
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        assert.equal(
          await pagina.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
          'America/Santiago',
        );
        const hoy = comoCampoFecha(fechaSantiago(0));
        await pagina.goto('/cartera/pagos/nuevo');
        assert.equal(await pagina.getByRole('textbox', { name: /^Fecha/ }).inputValue(), hoy);
        await pagina.goto('/cartera/provision');
        assert.equal(await pagina.getByRole('textbox', { name: 'Fecha de corte' }).inputValue(), hoy);
        await pagina.goto('/cartera/antiguedad');
        assert.equal(await pagina.getByRole('textbox', { name: 'Fecha de corte' }).inputValue(), hoy);
      });
    },
  );
});
