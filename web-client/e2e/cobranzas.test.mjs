// Browser tests of the SPA against the real API host (see package.json "test:e2e").
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  abrirNavegador,
  apiComo,
  BASE_URL,
  administradorPrimeraEmpresa,
  conCaptura,
  enlaceActivacion,
  esperar,
  esperarCorreo,
  iniciarSesion,
  marca,
  nuevaPagina,
  rutNuevo,
  textoDescritoPor,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };

describe('SPA Cobranzas', () => {
  let navegador;
  let admin;

  before(async () => {
    admin = administradorPrimeraEmpresa();
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test('1. el administrador inicia sesión y ve la aplicación', LIMITE, async (t) => {
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, admin);
      // The manager's home is the dashboard; the client list is one click away.
      assert.match(new URL(pagina.url()).pathname, /^\/tablero/);
      await pagina.getByRole('heading', { name: 'Tablero', level: 1 }).waitFor();
      const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
      await nav.getByRole('link', { name: 'Clientes', exact: true }).click();
      await pagina.getByRole('heading', { name: 'Clientes', level: 1 }).waitFor();
      for (const enlace of [
        'Tablero',
        'Clientes',
        'Grupos de clientes',
        'Importar clientes',
        'Usuarios',
        'API keys',
        'Auditoría',
      ]) {
        await nav.getByRole('link', { name: enlace, exact: true }).waitFor();
      }
      await pagina.getByRole('table', { name: 'Clientes' }).waitFor();
    });
  });

  test(
    '2. crear un cliente: RUT inválido con error en el campo, corregir, guardar y buscarlo',
    LIMITE,
    async (t) => {
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        const m = marca();
        const razonSocial = `Comercial Prueba E2E ${m} SpA`;
        await iniciarSesion(pagina, admin);
        await pagina.getByRole('link', { name: 'Clientes', exact: true }).click();
        await pagina.getByRole('link', { name: 'Nuevo cliente' }).click();
        await pagina.waitForURL('**/clientes/nuevo');

        const rut = pagina.getByLabel('RUT', { exact: true });
        await rut.fill('12531909-3');
        await pagina.getByLabel('Razón social', { exact: true }).fill(razonSocial);
        await pagina.getByLabel('Comuna', { exact: true }).fill('Providencia');
        await pagina.getByRole('textbox', { name: 'Segmento', exact: true }).click();
        await pagina.getByRole('option', { name: 'Retail', exact: true }).click();
        await pagina.getByRole('button', { name: 'Crear cliente' }).click();

        // The server rejects the check digit and the form shows its message at the RUT field.
        await esperar(async () => (await rut.getAttribute('aria-invalid')) === 'true', {
          mensaje: 'el error del servidor en el campo RUT',
        });
        const error = await textoDescritoPor(rut);
        assert.match(error, /\S/, 'el campo RUT debe mostrar el mensaje del servidor');
        assert.ok(pagina.url().endsWith('/clientes/nuevo'), 'no debe haber guardado');

        const valido = rutNuevo();
        await rut.fill(valido);
        await pagina.getByRole('button', { name: 'Crear cliente' }).click();
        await pagina.waitForURL(/\/clientes\/[0-9a-f-]{36}$/);
        await pagina.getByRole('heading', { name: razonSocial }).waitFor();

        await pagina.getByRole('link', { name: 'Clientes', exact: true }).click();
        await pagina.waitForURL(/\/clientes(\?.*)?$/);
        await pagina.getByLabel('Buscar', { exact: true }).fill(`Prueba E2E ${m}`);
        const tabla = pagina.getByRole('table', { name: 'Clientes' });
        await tabla.getByRole('link', { name: razonSocial }).waitFor();
        const filas = await tabla.locator('tbody tr').count();
        assert.equal(filas, 1, 'la búsqueda por fragmento del nombre debe encontrar solo el cliente nuevo');
        const texto = await tabla.locator('tbody tr').first().innerText();
        assert.ok(texto.includes(valido), `la fila debe mostrar el RUT ${valido}: ${texto}`);
      });
    },
  );

  test(
    '3. invitar un usuario, activar la cuenta desde el correo e iniciar sesión con ella',
    LIMITE,
    async (t) => {
      const pagina = await nuevaPagina(navegador);
      const m = marca();
      const email = `invitado.${m}@e2e.cobranzas.test`;
      const nombre = `Invitada E2E ${m}`;
      const password = `Clave${m.slice(-4)}9x`;
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina.getByRole('link', { name: 'Usuarios', exact: true }).click();
        await pagina.getByRole('heading', { name: 'Usuarios', level: 1 }).waitFor();
        await pagina.getByRole('button', { name: 'Invitar usuario' }).click();
        const dialogo = pagina.getByRole('dialog');
        await dialogo.getByLabel('E-mail', { exact: true }).fill(email);
        await dialogo.getByLabel('Nombre', { exact: true }).fill(nombre);
        await dialogo.getByRole('textbox', { name: 'Rol', exact: true }).click();
        await pagina.getByRole('option', { name: /^Cobrador/ }).click();
        await dialogo.getByRole('button', { name: 'Enviar invitación' }).click();
        await dialogo.waitFor({ state: 'detached' });
        const fila = pagina.getByRole('row').filter({ hasText: email });
        await fila.getByText('Invitación pendiente').waitFor();
      });

      const correo = await esperarCorreo(email);
      const enlace = enlaceActivacion(correo);
      t.diagnostic(`invitación: "${correo.subject}" → ${enlace.replace(/token=.*/, 'token=…')}`);

      const publica = await nuevaPagina(navegador);
      await conCaptura(t, publica, async () => {
        await publica.goto(enlace);
        await publica.getByText(nombre).waitFor();
        await publica.getByLabel('Contraseña', { exact: true }).fill(password);
        await publica.getByLabel('Confirmar contraseña', { exact: true }).fill(password);
        await publica.getByRole('button', { name: 'Activar cuenta' }).click();
        await publica.waitForURL('**/login**');

        await iniciarSesion(publica, { email, password });
        // A Cobrador starts its day on "Mi trabajo".
        assert.equal(new URL(publica.url()).pathname, '/gestion/mi-trabajo');
        await publica.getByRole('heading', { name: 'Mi trabajo', level: 1 }).waitFor();
        await publica.getByRole('button', { name: 'Menú de usuario' }).getByText(nombre).waitFor();
        // A Cobrador has no administration module.
        const nav = publica.getByRole('navigation', { name: 'Navegación principal' });
        assert.equal(await nav.getByRole('link', { name: 'Usuarios', exact: true }).count(), 0);
      });
    },
  );

  test(
    '4. importar clientes: tabla de errores por fila y luego "importar solo filas válidas"',
    LIMITE,
    async (t) => {
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        const m = marca();
        const valido = rutNuevo();
        const razonSocial = `Importada E2E ${m} Ltda.`;
        const dir = mkdtempSync(path.join(tmpdir(), 'cobranzas-e2e-'));
        const archivo = path.join(dir, `clientes-${m}.csv`);
        writeFileSync(
          archivo,
          [
            'rut,razonSocial,nombreFantasia,giro,direccion,comuna,region,segmento,cuentaClave,contactoNombre,contactoEmail,contactoTelefono,contactoRol',
            `${valido},${razonSocial},,,,Temuco,La Araucanía,Retail,false,Pedro Pago,pedro.${m}@e2e.cobranzas.test,,pagos`,
            `12531909-3,Fila Mala E2E ${m},,,,,,Retail,false,,,,`,
          ].join('\n') + '\n',
        );

        await iniciarSesion(pagina, admin);
        await pagina.getByRole('link', { name: 'Importar clientes', exact: true }).click();
        await pagina.getByRole('heading', { name: 'Importar clientes', level: 1 }).waitFor();
        await pagina.locator('input[type="file"]').setInputFiles(archivo);
        await pagina.getByRole('button', { name: 'Importar', exact: true }).click();

        await pagina.getByText('No se importó ningún registro').waitFor();
        const errores = pagina.getByRole('table', { name: 'Errores de importación' });
        const filas = errores.locator('tbody tr');
        await filas.first().waitFor();
        assert.equal(await filas.count(), 1, 'solo la fila con RUT inválido tiene error');
        const celdas = await filas.first().locator('td').allInnerTexts();
        assert.equal(celdas[0], '3', `fila del error: ${celdas.join(' | ')}`);
        assert.equal(celdas[1], 'rut', `columna del error: ${celdas.join(' | ')}`);
        assert.equal(celdas.length, 3, 'fila, columna y frase: sin el código de la regla');
        assert.ok(!celdas.join(' ').includes('rut_invalido'), `sin códigos de regla: ${celdas.join(' | ')}`);

        await pagina.getByRole('button', { name: 'Importar solo filas válidas' }).click();
        await pagina.getByText('Importación aplicada', { exact: true }).first().waitFor();

        await pagina.goto(`/clientes?buscar=${encodeURIComponent(`Importada E2E ${m}`)}`);
        await pagina
          .getByRole('table', { name: 'Clientes' })
          .getByRole('link', { name: razonSocial })
          .waitFor();
      });
    },
  );

  test('5. API key: se muestra una sola vez, funciona con X-Api-Key y se revoca', LIMITE, async (t) => {
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      const nombre = `Integración E2E ${marca()}`;
      await iniciarSesion(pagina, admin);
      await pagina.getByRole('link', { name: 'API keys', exact: true }).click();
      await pagina.getByRole('button', { name: 'Nueva API key' }).click();
      const dialogo = pagina.getByRole('dialog');
      await dialogo.getByLabel('Nombre', { exact: true }).fill(nombre);
      await dialogo.getByRole('button', { name: 'Crear API key' }).click();
      const clave = (await dialogo.getByTestId('api-key-clave').innerText()).trim();
      assert.match(clave, /^ck_/);
      await dialogo.getByRole('button', { name: 'Copiar clave' }).waitFor();

      const conClave = () =>
        fetch(`${BASE_URL}/api/v1/clientes?tamanoPagina=1`, { headers: { 'X-Api-Key': clave } });
      assert.equal((await conClave()).status, 200, 'la clave nueva debe autenticar');

      await dialogo.getByRole('button', { name: 'Listo, la guardé' }).click();
      await dialogo.waitFor({ state: 'detached' });
      const fila = pagina.getByRole('row').filter({ hasText: nombre });
      await fila.getByText('Activa', { exact: true }).waitFor();
      assert.equal(await pagina.getByText(clave).count(), 0, 'la clave completa no vuelve a mostrarse');

      await fila.getByRole('button', { name: 'Revocar' }).click();
      await pagina.getByRole('dialog').getByRole('button', { name: 'Revocar' }).click();
      await fila.getByText('Revocada', { exact: true }).waitFor();
      assert.equal((await conClave()).status, 401, 'la clave revocada ya no autentica');
    });
  });

  test(
    '6. estado de crédito con historial y condiciones propias en la política efectiva',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const m = marca();
      const cliente = await api('/api/v1/clientes', {
        method: 'POST',
        body: {
          rut: rutNuevo(),
          razonSocial: `Estado E2E ${m} SpA`,
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
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina.goto(`/clientes/${cliente.id}`);
        await pagina.getByRole('tab', { name: 'Estado de crédito' }).click();
        await pagina.getByRole('textbox', { name: 'Nuevo estado', exact: true }).click();
        await pagina.getByRole('option', { name: 'Suspendido', exact: true }).click();
        await pagina.getByLabel('Motivo', { exact: true }).fill(`Mora reiterada ${m}`);
        await pagina.getByRole('button', { name: 'Cambiar estado' }).click();
        const historial = pagina.getByRole('table', { name: 'Historial de estado de crédito' });
        await historial.getByText(`Mora reiterada ${m}`).waitFor();

        await pagina.getByRole('tab', { name: 'Condiciones y política' }).click();
        await pagina.getByLabel('Límite de crédito', { exact: true }).fill('1500000');
        await pagina.getByRole('button', { name: 'Guardar condiciones' }).click();
        await esperar(
          async () => (await pagina.getByTestId('limite-efectivo').innerText()).trim() === '$1.500.000',
          {
            mensaje: 'el límite efectivo $1.500.000',
          },
        );
        await pagina.getByText('Con condiciones propias del cliente').waitFor();
      });
    },
  );

  test('7. exportar la lista filtrada de clientes a CSV y XLSX', LIMITE, async (t) => {
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, admin);
      await pagina.getByRole('link', { name: 'Clientes', exact: true }).click();
      for (const [opcion, extension] of [
        ['Exportar Excel (XLSX)', '.xlsx'],
        ['Exportar CSV (;)', '.csv'],
      ]) {
        await pagina.getByRole('button', { name: 'Exportar' }).click();
        const [descarga] = await Promise.all([
          pagina.waitForEvent('download'),
          pagina.getByRole('menuitem', { name: opcion }).click(),
        ]);
        assert.ok(descarga.suggestedFilename().endsWith(extension), descarga.suggestedFilename());
        assert.equal(await descarga.failure(), null);
      }
    });
  });

  test(
    '8. grupo de clientes: crear, agregar y quitar miembros con el buscador, renombrar y eliminar',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const m = marca();
      const razonSocial = `Miembro E2E ${m} S.A.`;
      await api('/api/v1/clientes', {
        method: 'POST',
        body: {
          rut: rutNuevo(),
          razonSocial,
          nombreFantasia: null,
          giro: null,
          direccion: null,
          comuna: null,
          region: null,
          segmento: 'Mayorista',
          cuentaClave: true,
          ejecutivoId: null,
        },
      });
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        const nombre = `Grupo E2E ${m}`;
        await iniciarSesion(pagina, admin);
        await pagina.getByRole('link', { name: 'Grupos de clientes', exact: true }).click();
        await pagina.getByRole('button', { name: 'Nuevo grupo' }).click();
        let dialogo = pagina.getByRole('dialog');
        await dialogo.getByLabel('Nombre', { exact: true }).fill(nombre);
        await dialogo.getByLabel('Descripción', { exact: true }).fill('Creado por la prueba e2e');
        await dialogo.getByRole('button', { name: 'Guardar' }).click();
        await dialogo.waitFor({ state: 'detached' });
        await pagina
          .getByRole('table', { name: 'Grupos de clientes' })
          .getByRole('link', { name: nombre })
          .click();
        await pagina.getByRole('heading', { name: nombre }).waitFor();

        await pagina.getByRole('button', { name: 'Agregar clientes' }).click();
        dialogo = pagina.getByRole('dialog');
        await dialogo.getByLabel('Buscar clientes', { exact: true }).fill(`Miembro E2E ${m}`);
        await dialogo.getByRole('checkbox', { name: `Seleccionar ${razonSocial}` }).check();
        await dialogo.getByRole('button', { name: 'Agregar seleccionados (1)' }).click();
        await dialogo.waitFor({ state: 'detached' });
        const miembros = pagina.getByRole('table', { name: 'Miembros del grupo' });
        const fila = miembros.getByRole('row').filter({ hasText: razonSocial });
        await fila.waitFor();

        await fila.getByRole('button', { name: 'Quitar' }).click();
        await pagina.getByRole('dialog').getByRole('button', { name: 'Quitar' }).click();
        await pagina.getByText('El grupo no tiene clientes.').waitFor();

        await pagina.getByRole('button', { name: 'Renombrar' }).click();
        dialogo = pagina.getByRole('dialog');
        await dialogo.getByLabel('Nombre', { exact: true }).fill(`${nombre} renombrado`);
        await dialogo.getByRole('button', { name: 'Guardar' }).click();
        await pagina.getByRole('heading', { name: `${nombre} renombrado` }).waitFor();

        await pagina.getByRole('link', { name: 'Volver' }).click();
        await pagina.getByRole('button', { name: `Eliminar ${nombre} renombrado` }).click();
        await pagina.getByRole('dialog').getByRole('button', { name: 'Eliminar' }).click();
        await esperar(
          async () => (await pagina.getByRole('link', { name: `${nombre} renombrado` }).count()) === 0,
          {
            mensaje: 'que el grupo desaparezca de la lista',
          },
        );
      });
    },
  );
});
