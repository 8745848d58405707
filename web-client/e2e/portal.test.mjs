// Browser test of the client portal on a 390×844 phone (issue 15 §1): a contact asks for a link, opens it from the
// e-mail, sees the debt, opens a claim and starts a payment; a reminder's portal link opens the portal once; an
// administrator gives the portal the company's colours, which the portal shows, and deactivating the contact from the
// client page shuts the portal at once. axe finds no serious or critical violation on its pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import {
  BASE_URL,
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  appOcupada,
  conCaptura,
  esperar,
  esperarCorreo,
  fechaSantiago,
  iniciarSesion,
  marca,
  nuevaPagina,
  respuestaDe,
  rutNuevo,
} from './soporte.mjs';

const LIMITE = { timeout: 300_000 };
const ETIQUETAS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const GRAVES = new Set(['serious', 'critical']);

async function sinViolacionesGraves(pagina, nombre) {
  await esperar(async () => !(await appOcupada(pagina)), { mensaje: `${nombre} sin consultas en curso` });
  const r = await new AxeBuilder({ page: pagina }).withTags(ETIQUETAS).analyze();
  const graves = r.violations.filter((v) => GRAVES.has(v.impact));
  assert.deepEqual(
    graves.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target?.join(' ')}`),
    [],
    `${nombre}: violaciones graves de axe`,
  );
}

/** The /portal/entrar?token=… link of the access e-mail, re-rooted at E2E_BASE_URL. */
function enlacePortal(correo) {
  const cuerpo = `${correo.html || ''}\n${correo.text || ''}`.replace(/&amp;/g, '&');
  const m = /(?:https?:\/\/[^\s"'<>]*)?(\/portal\/entrar\?token=[A-Za-z0-9_-]+)/.exec(cuerpo);
  if (!m) throw new Error(`El correo "${correo.subject}" no trae el enlace del portal`);
  return `${BASE_URL}${m[1]}`;
}

/** A client of the demo company with one contact and, when asked, one overdue invoice (created through the staff API). */
async function clienteConContacto(api, { razonSocial, contacto, rol, email, factura, consumidor = null }) {
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
      consumidor,
    },
  });
  const creado = await api(`/api/v1/clientes/${cliente.id}/contactos`, {
    method: 'POST',
    body: {
      nombre: contacto,
      cargo: null,
      rol,
      email,
      telefono: null,
      canalPreferido: null,
      optOutEmail: false,
    },
  });
  if (factura) {
    await api('/api/v1/documentos', {
      method: 'POST',
      body: {
        tipo: '33',
        folio: 100_000 + Math.floor(Math.random() * 800_000_000),
        clienteId: cliente.id,
        rut: null,
        fechaEmision: fechaSantiago(-factura.diasVencida - 30),
        fechaVencimiento: fechaSantiago(-factura.diasVencida),
        cuotas: null,
        moneda: 'CLP',
        neto: factura.neto,
        exento: 0,
        iva: factura.iva,
        total: factura.neto + factura.iva,
        referencia: null,
        origen: 'manual',
        externalId: null,
        notas: null,
      },
    });
  }
  return { cliente, contacto: creado };
}

describe('Portal de clientes en un teléfono (390×844)', () => {
  let navegador;

  before(async () => {
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'un contacto entra con el enlace del correo, ve su deuda, reclama y empieza a pagar',
    LIMITE,
    async (t) => {
      const api = await apiComo(administradorPrimeraEmpresa());
      const sesion = await api('/api/v1/auth/sesion');
      const m = marca();
      const email = `tesoreria.${m}@e2e.cobranzas.test`;
      const { cliente } = await clienteConContacto(api, {
        razonSocial: `Portal E2E ${m} SpA`,
        contacto: 'Teresa Pagos',
        rol: 'pagos',
        email,
        factura: { neto: 100000, iva: 19000, diasVencida: 10 },
      });

      const pagina = await nuevaPagina(navegador);
      await pagina.setViewportSize({ width: 390, height: 844 });
      await conCaptura(t, pagina, async () => {
        await pagina.goto(`/portal/acceso?empresa=${encodeURIComponent(sesion.empresa.rut)}`);
        await pagina.getByRole('heading', { name: 'Ingrese a su estado de cuenta' }).waitFor();
        await sinViolacionesGraves(pagina, 'acceso al portal');
        await pagina.getByRole('textbox', { name: 'Su correo' }).fill(email);
        await pagina.getByRole('button', { name: 'Enviarme el enlace' }).click();
        await pagina.getByTestId('acceso-enviado').waitFor();

        const correo = await esperarCorreo(email);
        await pagina.goto(enlacePortal(correo));
        await pagina.waitForURL(/\/portal$/);
        await esperar(async () => (await pagina.getByTestId('portal-saldo').textContent()) === '$119.000', {
          mensaje: 'saldo $119.000 en el portal',
        });
        assert.equal(await pagina.getByTestId('portal-vencido').textContent(), '$119.000');
        await pagina.getByText('Vencido hace 10 días').waitFor();
        // No staff menu in the portal.
        assert.equal(await pagina.getByRole('navigation').count(), 0);
        await sinViolacionesGraves(pagina, 'deuda en el portal');

        await pagina.getByRole('button', { name: 'Reclamar' }).click();
        await pagina
          .getByRole('textbox', { name: '¿Qué ocurre con este documento?' })
          .fill('La mercadería llegó incompleta.');
        const reclamo = respuestaDe(pagina, '/api/v1/portal/reclamos', {}, 'POST');
        await pagina.getByRole('button', { name: 'Enviar reclamo' }).click();
        assert.equal((await reclamo).status(), 201);
        const disputas = await api(`/api/v1/gestion/disputas?clienteId=${cliente.id}`);
        assert.equal(disputas.length, 1);
        assert.match(disputas[0].creadaPor, /^portal:/);

        await pagina.getByRole('tab', { name: 'Solicitudes' }).click();
        await pagina.getByTestId('solicitud-portal').first().waitFor();
        assert.match(await pagina.getByTestId('solicitud-portal').first().textContent(), /Reclamo/);
        await sinViolacionesGraves(pagina, 'solicitudes en el portal');

        await pagina.getByRole('tab', { name: 'Deuda' }).click();
        const pago = respuestaDe(pagina, '/api/v1/portal/pagos', {}, 'POST');
        await pagina.getByRole('button', { name: 'Pagar todo lo vencido' }).click();
        const respuesta = await pago;
        assert.deepEqual(respuesta.request().postDataJSON(), { deudaVencida: true });
        // With an active provider the browser goes to its page; the demo company has none, so the portal says why.
        if (respuesta.status() === 200) {
          const enlace = await respuesta.json();
          await pagina.waitForURL((u) => u.href.startsWith(enlace.url.split('?')[0]));
        } else {
          assert.equal(respuesta.status(), 422);
          await pagina
            .getByRole('alert')
            .filter({ hasText: /pago en línea no está disponible/ })
            .first()
            .waitFor();
        }
      });
    },
  );

  test(
    'el portal lleva los colores de la empresa y un contacto desactivado queda fuera',
    LIMITE,
    async (t) => {
      const admin = administradorPrimeraEmpresa();
      const api = await apiComo(admin);
      const sesion = await api('/api/v1/auth/sesion');
      const antes = await api('/api/v1/configuracion/portal');
      const m = marca();
      const email = `compras.${m}@e2e.cobranzas.test`;
      const { cliente, contacto } = await clienteConContacto(api, {
        razonSocial: `Marca E2E ${m} SpA`,
        contacto: 'Carla Compras',
        rol: 'pagos',
        email,
      });

      const personal = await nuevaPagina(navegador);
      try {
        await conCaptura(t, personal, async () => {
          // The portal in another tab of the same browser: its session lives in that tab, apart from the staff's.
          const portal = await personal.context().newPage();
          await portal.setViewportSize({ width: 390, height: 844 });
          await iniciarSesion(personal, admin);
          await personal.goto('/cartera/configuracion');
          const tarjeta = personal.getByRole('region', { name: 'Portal de clientes' });
          await tarjeta.getByRole('textbox', { name: 'Color principal' }).waitFor();
          // A yellow under white text is refused before saving.
          await tarjeta.getByRole('textbox', { name: 'Color principal' }).fill('#ffcc00');
          await tarjeta.getByText('Contraste insuficiente').waitFor();
          assert.ok(await tarjeta.getByRole('button', { name: 'Guardar colores' }).isDisabled());
          await tarjeta.getByRole('textbox', { name: 'Color principal' }).fill('#7a1f3d');
          await tarjeta.getByRole('textbox', { name: 'Color de acento (fondo)' }).fill('#fff8f0');
          const guardado = respuestaDe(personal, '/api/v1/configuracion/portal', {}, 'PUT');
          await tarjeta.getByRole('button', { name: 'Guardar colores' }).click();
          assert.equal((await guardado).status(), 200);

          await portal.goto(`/portal/acceso?empresa=${encodeURIComponent(sesion.empresa.rut)}`);
          await portal.getByRole('textbox', { name: 'Su correo' }).fill(email);
          await portal.getByRole('button', { name: 'Enviarme el enlace' }).click();
          await portal.getByTestId('acceso-enviado').waitFor();
          await portal.goto(enlacePortal(await esperarCorreo(email)));
          await portal.waitForURL(/\/portal$/);
          await portal.getByTestId('portal-saldo').waitFor();
          const encabezado = portal.locator('header');
          await esperar(async () => (await encabezado.getAttribute('data-marca')) === '#7a1f3d', {
            mensaje: 'el encabezado del portal con el color de la empresa',
          });
          assert.equal(
            await encabezado.evaluate((e) => getComputedStyle(e).backgroundColor),
            'rgb(122, 31, 61)',
          );
          assert.equal(
            await portal.evaluate(() =>
              getComputedStyle(document.documentElement)
                .getPropertyValue('--mantine-primary-color-filled')
                .trim(),
            ),
            '#7a1f3d',
          );
          await sinViolacionesGraves(portal, 'portal con los colores de la empresa');

          await personal.goto(`/clientes/${cliente.id}?tab=contactos`);
          await personal.getByRole('button', { name: 'Desactivar Carla Compras' }).click();
          const dialogo = personal.getByRole('dialog', { name: 'Desactivar contacto' });
          const desactivar = respuestaDe(
            personal,
            `/api/v1/clientes/${cliente.id}/contactos/${contacto.id}/desactivar`,
            {},
            'POST',
          );
          await dialogo.getByRole('button', { name: 'Desactivar' }).click();
          assert.equal((await desactivar).status(), 200);
          await personal.getByRole('table', { name: 'Contactos' }).getByText('Inactivo').waitFor();

          await portal.reload();
          await portal.waitForURL(/\/portal\/acceso/);
        });
      } finally {
        await api('/api/v1/configuracion/portal', {
          method: 'PUT',
          body: { colorPrimario: antes.colorPrimario, colorAcento: antes.colorAcento },
        });
      }
    },
  );

  test(
    'el enlace al portal de un recordatorio abre el portal del contacto que lo recibió, una sola vez',
    LIMITE,
    async (t) => {
      const api = await apiComo(administradorPrimeraEmpresa());
      const m = marca();
      const email = `cobranza.${m}@e2e.cobranzas.test`;
      const { cliente } = await clienteConContacto(api, {
        razonSocial: `Recordatorio E2E ${m} SpA`,
        contacto: 'Rocío Cobranza',
        rol: 'cobranza',
        email,
        factura: { neto: 50000, iva: 9500, diasVencida: 20 },
        // A business client: Ley 21.320 lets reminders reach consumers only Monday to Saturday 08:00–20:00, and this runs at any hour.
        consumidor: false,
      });
      const grupo = await api('/api/v1/grupos-clientes', {
        method: 'POST',
        body: { nombre: `Recordatorio E2E ${m}`, descripcion: null },
      });
      await api(`/api/v1/grupos-clientes/${grupo.id}/miembros`, {
        method: 'POST',
        body: { ids: [cliente.id] },
      });
      const definicion = await api('/api/v1/notificaciones/definiciones', {
        method: 'POST',
        body: {
          tipo: 'documentos_vencidos',
          asunto: 'Documentos vencidos de {{ cliente.nombre }}',
          descripcion: null,
          incluirCuentas: false,
          cuentaIds: [],
          frecuencia: 'diaria',
          diasSemana: [],
          diaMes: null,
          hora: '09:00:00',
          diasAntes: null,
          diasVencidoMinimo: null,
          modo: 'cliente',
          destinatarios: { grupoClienteIds: [grupo.id], rolesContacto: ['cobranza'] },
          plantilla:
            '<p>{{ cliente.nombre }} registra {{ deuda.vencida }} vencidos.</p><p><a href="{{ enlace_portal }}">Ver y pagar en su portal</a></p>',
          firma: 'Cobranzas',
          responderA: null,
        },
      });
      try {
        await api(`/api/v1/notificaciones/definiciones/${definicion.id}/ejecutar`, { method: 'POST' });
        const correo = await esperarCorreo(email);
        assert.match(correo.subject, new RegExp(`Recordatorio E2E ${m} SpA`));
        // The portal link goes through the signed click redirect, like every link of a reminder.
        const href = /href="([^"]+)">Ver y pagar en su portal/
          .exec(correo.html || '')?.[1]
          ?.replace(/&amp;/g, '&');
        assert.ok(href, 'el recordatorio trae el enlace al portal');
        const enlace = `${BASE_URL}${new URL(href).pathname}${new URL(href).search}`;

        const pagina = await nuevaPagina(navegador);
        await pagina.setViewportSize({ width: 390, height: 844 });
        await conCaptura(t, pagina, async () => {
          await pagina.goto(enlace);
          await pagina.waitForURL(/\/portal$/);
          await esperar(async () => (await pagina.getByTestId('portal-saldo').textContent()) === '$59.500', {
            mensaje: 'saldo $59.500 en el portal abierto desde el recordatorio',
          });
          await pagina.getByText('Vencido hace 20 días').waitFor();
          await sinViolacionesGraves(pagina, 'portal abierto desde un recordatorio');

          // The link is single-use: the same link in a fresh browser (no session) is refused and offers a new one.
          const otra = await nuevaPagina(navegador);
          await otra.goto(enlace);
          await otra.getByRole('alert').filter({ hasText: 'No pudimos abrir el portal' }).waitFor();
          await otra.getByRole('link', { name: 'Pedir un enlace nuevo' }).waitFor();
          await otra.close();
        });
      } finally {
        await api(`/api/v1/notificaciones/definiciones/${definicion.id}/desactivar`, { method: 'POST' });
      }
    },
  );
});
