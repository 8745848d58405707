// Browser tests of the client page's credit, convenio and judicial screens (issue 16 §1, §3, §5): a credit request goes
// through /credito/aprobaciones and becomes the client's limit; a convenio settles the client's open invoices into
// installments; a client sent to an agency and then to a law firm stops getting extrajudicial collection. axe finds no
// serious or critical violation on these screens.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  appOcupada,
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

const LIMITE = { timeout: 180_000 };
const ETIQUETAS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const GRAVES = new Set(['serious', 'critical']);
/** The open tab of the client page. */
const PESTANA = '[role="tabpanel"]';

/**
 * axe on the screen's content (`ambito`): the menu and header around it are the same on every screen and
 * accesibilidad.test.mjs checks them; leaving them out keeps each run to a few seconds on a loaded machine.
 */
async function sinViolacionesGraves(pagina, nombre, ambito = 'main') {
  await esperar(async () => !(await appOcupada(pagina)), { mensaje: `${nombre} sin consultas en curso` });
  const r = await new AxeBuilder({ page: pagina }).include(ambito).withTags(ETIQUETAS).analyze();
  const graves = r.violations.filter((v) => GRAVES.has(v.impact));
  assert.deepEqual(
    graves.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target?.join(' ')}`),
    [],
    `${nombre}: violaciones graves de axe`,
  );
}

/** Waits for the answer to a request whose path matches `ruta` (a RegExp, for paths with ids). */
function respuestaA(pagina, metodo, ruta) {
  return pagina.waitForResponse(
    (r) => r.request().method() === metodo && ruta.test(new URL(r.url()).pathname),
  );
}

async function nuevoCliente(api, razonSocial, extra = {}) {
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
      ...extra,
    },
  });
}

/** An invoice issued 30 days before it fell due, `diasVencida` days ago. */
async function nuevaFactura(api, clienteId, folio, neto, diasVencida) {
  const iva = Math.round(neto * 0.19);
  return api('/api/v1/documentos', {
    method: 'POST',
    body: {
      tipo: '33',
      folio,
      clienteId,
      rut: null,
      fechaEmision: fechaSantiago(-diasVencida - 30),
      fechaVencimiento: fechaSantiago(-diasVencida),
      cuotas: null,
      moneda: 'CLP',
      neto,
      exento: 0,
      iva,
      total: neto + iva,
      referencia: null,
      origen: 'manual',
      externalId: null,
      notas: null,
    },
  });
}

/** Picks `opcion` in a Mantine Select labelled `etiqueta` inside `ambito`. */
async function elegir(pagina, ambito, etiqueta, opcion) {
  await ambito.getByRole('textbox', { name: etiqueta }).click();
  await pagina.getByRole('option', { name: opcion, exact: true }).click();
}

describe('Crédito, convenios y cobranza judicial en la ficha del cliente', () => {
  let navegador;
  const admin = administradorPrimeraEmpresa();

  before(async () => {
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'una solicitud de crédito se aprueba en Aprobaciones pendientes y pasa a ser el límite del cliente',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const razonSocial = `Crédito E2E ${marca()} SpA`;
      const cliente = await nuevoCliente(api, razonSocial);
      // No conditions of its own yet: the limit is the segment's until a line is approved.
      assert.equal(cliente.condiciones, null);

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina.goto(`/clientes/${cliente.id}?tab=credito`);
        await pagina.getByText('El cliente no tiene solicitudes de crédito.').waitFor();

        await pagina.getByRole('button', { name: 'Nueva solicitud' }).click();
        const formulario = pagina.getByRole('form', { name: 'Nueva solicitud de crédito' });
        await formulario.getByRole('textbox', { name: 'Línea solicitada' }).fill('75');
        await formulario.getByRole('textbox', { name: 'Plazo de pago (días)' }).fill('45');
        const creada = respuestaDe(pagina, '/api/v1/credito/solicitudes', {}, 'POST');
        await formulario.getByRole('button', { name: 'Crear solicitud' }).click();
        assert.equal((await creada).status(), 201);
        await pagina.getByRole('heading', { name: 'Solicitud de línea nueva: 75 UF' }).waitFor();
        await pagina.getByRole('table', { name: 'Aporte de cada factor al score' }).waitFor();
        await sinViolacionesGraves(pagina, 'la solicitud de crédito en borrador', PESTANA);

        const enviada = respuestaA(
          pagina,
          'POST',
          /^\/api\/v1\/credito\/solicitudes\/[0-9a-f-]{36}\/enviar$/,
        );
        await pagina.getByRole('button', { name: 'Enviar a aprobación' }).click();
        assert.equal((await enviada).status(), 200);
        // 75 UF is within the supervisor's level: one approver with that role or a higher one.
        await pagina
          .getByRole('heading', { name: 'Aprobación: Supervisor (Supervisor o superior)' })
          .waitFor();

        const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
        await nav.getByRole('link', { name: 'Aprobaciones pendientes' }).click();
        await pagina.getByRole('heading', { name: 'Aprobaciones pendientes', level: 1 }).waitFor();
        const fila = pagina
          .getByRole('table', { name: 'Aprobaciones pendientes' })
          .getByRole('row')
          .filter({ hasText: `Línea de crédito ${razonSocial}: 75 UF` });
        await fila.waitFor();
        assert.match(await fila.textContent(), /0 de 1/);
        await sinViolacionesGraves(pagina, 'Aprobaciones pendientes');

        await fila.getByRole('button', { name: 'Aprobar' }).click();
        const dialogo = pagina.getByRole('dialog', { name: 'Aprobar' });
        await dialogo.getByRole('textbox', { name: 'Comentario' }).fill('Buen comportamiento de pago.');
        const decision = respuestaA(pagina, 'POST', /^\/api\/v1\/aprobaciones\/[0-9a-f-]{36}\/decision$/);
        await dialogo.getByRole('button', { name: 'Aprobar' }).click();
        assert.equal((await decision).status(), 200);
        await fila.waitFor({ state: 'detached' });

        await pagina.goto(`/clientes/${cliente.id}?tab=condiciones`);
        await esperar(async () => (await pagina.getByTestId('limite-efectivo').textContent()) === '75 UF', {
          mensaje: 'el límite de crédito 75 UF en la política efectiva',
        });
        const ficha = await api(`/api/v1/clientes/${cliente.id}`);
        assert.equal(Number(ficha.condiciones.limiteCredito), 75);
        assert.equal(ficha.condiciones.monedaLimite, 'UF');
        assert.equal(ficha.condiciones.plazoPagoDias, 45);

        await pagina.getByRole('tab', { name: 'Crédito', exact: true }).click();
        const solicitudes = pagina.getByRole('table', { name: 'Solicitudes de crédito' });
        await solicitudes.getByText('Aprobada').waitFor();
        await pagina
          .getByRole('table', { name: 'Decisiones' })
          .getByText('Buen comportamiento de pago.')
          .waitFor();
      });
    },
  );

  test(
    'un convenio en cuotas liquida las facturas elegidas, se aprueba, se firma y sus cuotas quedan por cobrar',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const cliente = await nuevoCliente(api, `Convenio E2E ${marca()} SpA`);
      const folio = 100_000 + Math.floor(Math.random() * 800_000_000);
      const facturas = [
        await nuevaFactura(api, cliente.id, folio, 100_000, 30),
        await nuevaFactura(api, cliente.id, folio + 1, 200_000, 20),
      ];

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await pagina.goto(`/clientes/${cliente.id}?tab=convenios`);
        await pagina.getByText('El cliente no tiene convenios.').waitFor();
        await pagina.getByRole('button', { name: 'Nuevo convenio' }).click();
        const abiertos = pagina.getByRole('table', { name: 'Documentos abiertos para el convenio' });
        await abiertos.getByRole('checkbox', { name: `Incluir Factura ${folio}`, exact: true }).check();
        await abiertos.getByRole('checkbox', { name: `Incluir Factura ${folio + 1}`, exact: true }).check();
        const primera = pagina.getByRole('textbox', { name: 'Primera cuota' });
        await primera.fill(comoCampoFecha(fechaSantiago(30)));
        await primera.press('Tab');

        // The preview: both balances ($119.000 + $238.000) in 3 installments, nothing to sign yet.
        const totales = pagina.getByRole('table', { name: 'Totales del convenio' });
        await totales.getByRole('row', { name: /Saldo de los documentos \$357\.000/ }).waitFor();
        const cuotas = pagina.getByRole('table', { name: 'Cuotas del convenio' });
        await esperar(async () => (await cuotas.getByRole('row').count()) === 4, {
          mensaje: 'la vista previa con 3 cuotas',
        });
        assert.equal(await cuotas.getByRole('row', { name: /Por firmar/ }).count(), 3);
        await sinViolacionesGraves(pagina, 'la vista previa del convenio', PESTANA);

        const creado = respuestaDe(pagina, '/api/v1/convenios', {}, 'POST');
        await pagina.getByRole('button', { name: 'Crear borrador' }).click();
        const respuesta = await creado;
        assert.equal(respuesta.status(), 201);
        const convenio = await respuesta.json();
        await pagina
          .getByRole('heading', { name: `Convenio N° ${convenio.numero} · Pago en cuotas` })
          .waitFor();

        await pagina.getByRole('button', { name: 'Enviar a aprobación' }).click();
        await pagina.getByText(/^Aprobación nivel Supervisor/).waitFor();
        await pagina.getByRole('button', { name: 'Aprobar', exact: true }).click();
        await pagina.getByRole('button', { name: 'Firmar', exact: true }).click();
        const lista = pagina.getByRole('table', { name: 'Convenios del cliente' });
        await lista
          .getByRole('row', { name: new RegExp(`^${convenio.numero} .*Firmado \\(vigente\\)`) })
          .waitFor();
        await esperar(async () => (await cuotas.getByRole('row', { name: /Pendiente/ }).count()) === 3, {
          mensaje: 'las 3 cuotas pendientes de pago tras la firma',
        });
        await sinViolacionesGraves(pagina, 'el convenio firmado', PESTANA);

        // The invoices are settled by the convenio; its installments are what the client owes now, peso for peso.
        for (const f of facturas) {
          assert.equal(
            Number((await api(`/api/v1/documentos/${f.id}`)).saldo),
            0,
            `saldo de la factura ${f.folio}`,
          );
        }
        await pagina.getByRole('tab', { name: 'Cartera', exact: true }).click();
        const documentos = pagina.getByRole('table', { name: 'Documentos abiertos' });
        await documentos.getByRole('row', { name: /^Cuotas de convenio N° / }).waitFor();
        assert.equal(await documentos.getByRole('row', { name: /^Factura N° / }).count(), 0);
        const firmado = await api(`/api/v1/convenios/${convenio.id}`);
        assert.equal(Number(firmado.saldoDocumentos), 357_000);
        const estado = await api(`/api/v1/clientes/${cliente.id}/estado-cuenta`);
        assert.equal(Number(estado.saldo), Number(firmado.totalCuotas));
      });
    },
  );

  test(
    'un cliente derivado a una agencia y luego a un estudio jurídico queda sin cobranza extrajudicial',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const m = marca();
      // A consumer (Ley 21.320): the judicial stage forbids every extrajudicial contact with them.
      const cliente = await nuevoCliente(api, `Judicial E2E ${m} SpA`, { consumidor: true });
      await nuevaFactura(api, cliente.id, 100_000 + Math.floor(Math.random() * 800_000_000), 300_000, 120);
      const agencia = `Agencia E2E ${m}`;
      const estudio = `Estudio E2E ${m}`;

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
        await nav.getByRole('link', { name: 'Prejudicial y judicial' }).click();
        await pagina.getByRole('heading', { name: 'Cobranza prejudicial y judicial', level: 1 }).waitFor();
        const nuevaAgencia = pagina.getByRole('form', { name: 'Nueva agencia' });
        await nuevaAgencia.getByRole('textbox', { name: 'Nombre' }).fill(agencia);
        await nuevaAgencia.getByRole('textbox', { name: 'RUT' }).fill(rutNuevo());
        await nuevaAgencia.getByRole('textbox', { name: 'Contacto' }).fill('Mesa de ayuda');
        await nuevaAgencia.getByRole('button', { name: 'Crear agencia' }).click();
        await pagina
          .getByRole('table', { name: 'Agencias de cobranza' })
          .getByRole('row', { name: new RegExp(agencia) })
          .waitFor();
        await sinViolacionesGraves(pagina, 'las agencias de cobranza');

        await pagina.getByRole('tab', { name: 'Estudios jurídicos' }).click();
        const nuevoEstudio = pagina.getByRole('form', { name: 'Nuevo estudio jurídico' });
        await nuevoEstudio.getByRole('textbox', { name: 'Nombre del estudio' }).fill(estudio);
        await nuevoEstudio.getByRole('textbox', { name: 'RUT del estudio' }).fill(rutNuevo());
        await nuevoEstudio.getByRole('button', { name: 'Crear estudio' }).click();
        await pagina
          .getByRole('table', { name: 'Estudios jurídicos' })
          .getByRole('row', { name: new RegExp(estudio) })
          .waitFor();

        await pagina.goto(`/clientes/${cliente.id}?tab=judicial`);
        const derivar = pagina.getByRole('form', { name: 'Derivar a agencia' });
        await elegir(pagina, derivar, 'Agencia', agencia);
        await derivar.getByRole('button', { name: 'Derivar documentos abiertos' }).click();
        await pagina.getByRole('row', { name: new RegExp(`${agencia} .*Activa`) }).waitFor();
        await pagina.getByTestId('etapa-cliente').getByText('Etapa prejudicial').waitFor();

        const demanda = pagina.getByRole('form', { name: 'Enviar a estudio jurídico' });
        await elegir(pagina, demanda, 'Estudio jurídico', estudio);
        await demanda.getByRole('textbox', { name: 'Tribunal' }).fill('1° Juzgado Civil de Santiago');
        await demanda.getByRole('textbox', { name: 'Rol' }).fill(`C-${m}`);
        await demanda.getByRole('textbox', { name: 'Monto demandado' }).fill('357000');
        await demanda.getByRole('button', { name: 'Registrar demanda' }).click();
        await pagina.getByText(`1° Juzgado Civil de Santiago · Rol C-${m}`).waitFor();
        await pagina.getByTestId('etapa-cliente').getByText('Etapa judicial').waitFor();
        await sinViolacionesGraves(pagina, 'la pestaña Judicial', PESTANA);

        // Collection is suspended: a call or a letter to the client is refused by the contact rules.
        await pagina.getByRole('tab', { name: 'Actividades' }).click();
        await pagina.getByRole('button', { name: 'Registrar actividad' }).click();
        const dialogo = pagina.getByRole('dialog', { name: 'Registrar actividad' });
        await dialogo.getByRole('textbox', { name: /^Tipo de actividad/ }).click();
        await pagina
          .getByRole('option', { name: /^Llamada/ })
          .first()
          .click();
        await dialogo
          .getByText(
            'El cliente está en etapa judicial: la Ley 21.320 prohíbe la cobranza extrajudicial mientras dure el juicio.',
          )
          .waitFor();
        const etapa = await api(`/api/v1/gestion/clientes/${cliente.id}/etapa`);
        assert.equal(etapa.etapa, 'judicial');
      });
    },
  );
});
