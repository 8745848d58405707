// Browser tests of the write-off, factoring and credit insurance screens (issue 16), on the demo data: the pending write-off
// proposal is decided and its documents leave the portfolio, a recovery is registered; the factor's delegated collections are
// transferred and its statement reconciled; the client over its insured limit shows on the policy screen and on its own page.
// axe finds no serious or critical violation on these screens.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import {
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  appOcupada,
  conCaptura,
  esperar,
  iniciarSesion,
  marca,
  nuevaPagina,
  respuestaDe,
  rutNuevo,
  usuarioPrimeraEmpresa,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };
const ETIQUETAS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const GRAVES = new Set(['serious', 'critical']);
/** What the demo loaders write (src/Cobranzas.Api/Demo): the proposal of the liquidated client, the factor and the policy. */
const MOTIVO_PROPUESTA_DEMO = 'Cliente liquidado: el procedimiento concursal cerró sin reparto';
const FACTOR_DEMO = 'Factoring Andino S.A.';
const POLIZA_DEMO = 'SC-2026-0142';

const clp = new Intl.NumberFormat('es-CL', { style: 'currency', currency: 'CLP', maximumFractionDigits: 0 });
/** `$1.234.567`, as the screens show an amount. */
const pesos = (n) => clp.format(Number(n)).replace(/\s/g, '');
const escapar = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** axe on the screen's content (`ambito`); accesibilidad.test.mjs checks the menu and header around it. */
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

function respuestaA(pagina, metodo, ruta) {
  return pagina.waitForResponse(
    (r) => r.request().method() === metodo && ruta.test(new URL(r.url()).pathname),
  );
}

async function abrirDesdeMenu(pagina, enlace, titulo) {
  const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
  await nav.getByRole('link', { name: enlace, exact: true }).click();
  await pagina.getByRole('heading', { name: titulo, level: 1 }).waitFor();
}

async function propuestaDemo(api) {
  const propuestas = await api('/api/v1/castigos/propuestas');
  const demo = propuestas.find((p) => p.motivo === MOTIVO_PROPUESTA_DEMO);
  assert.ok(demo, 'la demo tiene la propuesta de castigo del cliente liquidado');
  return api(`/api/v1/castigos/propuestas/${demo.id}`);
}

describe('Castigos, factoring y seguro de crédito con los datos demo', () => {
  let navegador;
  const admin = administradorPrimeraEmpresa();

  before(async () => {
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'la propuesta de castigo demo muestra su total y asiento, se decide, y un recupero queda en la lista',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const propuesta = await propuestaDemo(api);
      assert.equal(propuesta.estado, 'pendiente_aprobacion');
      const { aprobacion } = propuesta;
      // The level is fixed by the total in UF; one approver of the Administrador's rank or lower settles it, a committee
      // of several does not (the demo has one user per role), so there the administrator rejects it.
      const aprueba = aprobacion.aprobacionesRequeridas === 1;
      const total = Number(propuesta.total);
      assert.equal(Number(propuesta.montoProvision) + Number(propuesta.montoGasto), total);

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await abrirDesdeMenu(pagina, 'Castigos', 'Castigos');
        const fila = pagina
          .getByRole('table', { name: 'Propuestas de castigo' })
          .getByRole('row')
          .filter({ hasText: MOTIVO_PROPUESTA_DEMO });
        await fila.getByText('Pendiente de aprobación').waitFor();
        assert.match(await fila.textContent(), new RegExp(escapar(pesos(total))));

        await fila.getByRole('button', { name: 'Ver' }).click();
        const detalle = pagina.getByRole('heading', {
          name: `Propuesta N° ${propuesta.numero}: ${MOTIVO_PROPUESTA_DEMO}`,
        });
        await detalle.waitFor();
        const asiento = pagina.getByRole('table', { name: 'Asiento del castigo' });
        // Debit the provision and the expense for what it did not cover, credit the receivables by the whole total.
        for (const [cuenta, monto] of [
          ['Provisión deudores incobrables', propuesta.montoProvision],
          ['Gasto por deudores incobrables', propuesta.montoGasto],
          ['Deudores por venta', total],
        ]) {
          if (Number(monto) === 0) continue;
          await asiento.getByRole('row', { name: `${cuenta} ${pesos(monto)}` }).waitFor();
        }
        const documentos = pagina.getByRole('table', { name: 'Documentos de la propuesta' });
        assert.equal(await documentos.getByRole('row').count(), propuesta.documentos.length + 1);
        await pagina
          .getByText(
            `Nivel ${aprobacion.nivel} (rol ${aprobacion.rolMinimo}): 0 de ${aprobacion.aprobacionesRequeridas} aprobaciones.`,
            { exact: false },
          )
          .waitFor();
        await sinViolacionesGraves(pagina, 'el detalle de la propuesta de castigo');

        const decision = respuestaA(
          pagina,
          'POST',
          /^\/api\/v1\/castigos\/propuestas\/[0-9a-f-]{36}\/decision$/,
        );
        if (aprueba) {
          await pagina.getByRole('button', { name: 'Aprobar', exact: true }).click();
        } else {
          await pagina
            .getByRole('textbox', { name: 'Comentario' })
            .fill('El comité debe revisarla en sesión.');
          await pagina.getByRole('button', { name: 'Rechazar', exact: true }).click();
        }
        assert.equal((await decision).status(), 200);
        await fila.getByText(aprueba ? 'Castigada' : 'Rechazada').waitFor();
        await pagina.getByRole('button', { name: 'Aprobar', exact: true }).waitFor({ state: 'detached' });

        for (const d of propuesta.documentos) {
          const doc = await api(`/api/v1/documentos/${d.documentoId}`);
          assert.equal(doc.estado === 'castigado', aprueba, `estado del documento ${d.folio}: ${doc.estado}`);
          if (aprueba) assert.equal(Number(doc.castigo.monto), Number(d.saldo));
        }

        // A recovery of a written-off document: one of this proposal's, or the demo's document written off two months ago.
        const antes = await api('/api/v1/castigos/recuperos');
        const castigado = aprueba ? propuesta.documentos[0] : antes.recuperos[0];
        assert.ok(castigado, 'hay un documento castigado al que registrar un recupero');
        const referencia = `Recupero E2E ${marca()}`;
        await pagina.getByRole('tab', { name: 'Recuperos' }).click();
        const formulario = pagina.getByRole('form', { name: 'Registrar recupero' });
        // The document is named as users know it, by tipo and folio.
        await formulario.getByRole('textbox', { name: 'Tipo de documento' }).click();
        await pagina
          .getByRole('option', { name: new RegExp(`\\(${castigado.tipo}\\)$|^${castigado.tipo}$`, 'i') })
          .click();
        await formulario.getByRole('textbox', { name: 'Folio' }).fill(String(castigado.folio));
        await formulario.getByRole('textbox', { name: 'Monto' }).fill('12345');
        await formulario.getByRole('textbox', { name: 'Referencia' }).fill(referencia);
        const registrado = respuestaDe(pagina, '/api/v1/castigos/recuperos', {}, 'POST');
        await formulario.getByRole('button', { name: 'Registrar recupero' }).click();
        assert.equal((await registrado).status(), 201);
        const recupero = pagina
          .getByRole('table', { name: 'Recuperos de castigos' })
          .getByRole('row')
          .filter({ hasText: referencia });
        await recupero.waitFor();
        assert.match(await recupero.textContent(), /\$12\.345/);
        await sinViolacionesGraves(pagina, 'los recuperos de castigos');
        const despues = await api('/api/v1/castigos/recuperos');
        assert.equal(Number(despues.total), Number(antes.total) + 12_345);

        // The document stays written off; its link opens it.
        await recupero.getByRole('link', { name: `${castigado.tipo} ${castigado.folio}` }).click();
        await pagina.getByText(/^Castigado el /).waitFor();
      });
    },
  );

  test(
    'un usuario de consulta ve las propuestas de castigo y los recuperos sin acciones de escritura',
    LIMITE,
    async (t) => {
      const consulta = usuarioPrimeraEmpresa('Consulta');
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, consulta);
        await abrirDesdeMenu(pagina, 'Castigos', 'Castigos');
        const propuestas = pagina.getByRole('table', { name: 'Propuestas de castigo' });
        await propuestas
          .getByRole('row')
          .filter({ hasText: MOTIVO_PROPUESTA_DEMO })
          .getByRole('button', { name: 'Ver' })
          .click();
        await pagina.getByRole('table', { name: 'Asiento del castigo' }).waitFor();
        for (const accion of ['Aprobar', 'Rechazar', 'Anular'])
          assert.equal(await pagina.getByRole('button', { name: accion, exact: true }).count(), 0, accion);

        await pagina.getByRole('tab', { name: 'Candidatos' }).click();
        await pagina.getByText(/^Vencidos hace más de \d+ días/).waitFor();
        assert.equal(await pagina.getByRole('form', { name: 'Nueva propuesta de castigo' }).count(), 0);

        await pagina.getByRole('tab', { name: 'Recuperos' }).click();
        await pagina.getByRole('table', { name: 'Recuperos de castigos' }).waitFor();
        assert.equal(await pagina.getByRole('form', { name: 'Registrar recupero' }).count(), 0);
        await sinViolacionesGraves(pagina, 'los castigos en modo consulta');
      });
    },
  );

  test(
    'el factor demo muestra su saldo cedido y lo cobrado por transferir, que queda en cero al transferirlo',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const factor = (await api('/api/v1/factoring/factores')).find((f) => f.nombre === FACTOR_DEMO);
      assert.ok(factor, `la demo tiene el factor ${FACTOR_DEMO}`);
      const porTransferir = Number(factor.porTransferir);
      assert.ok(porTransferir > 0, 'la demo tiene un cobro por transferir al factor');
      assert.ok(Number(factor.saldoCedido) > 0);

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await abrirDesdeMenu(pagina, 'Factoring', 'Factoring');
        await pagina.getByRole('table', { name: 'Documentos cedidos' }).waitFor();
        await pagina.getByRole('tab', { name: 'Factores' }).click();
        const fila = pagina
          .getByRole('table', { name: 'Factores' })
          .getByRole('row', { name: new RegExp(FACTOR_DEMO) });
        const celdas = fila.getByRole('cell');
        await fila.waitFor();
        assert.equal(await celdas.nth(3).textContent(), pesos(factor.saldoCedido));
        assert.equal(await celdas.nth(6).textContent(), pesos(porTransferir));
        await sinViolacionesGraves(pagina, 'los factores');

        await pagina.getByRole('tab', { name: 'Por transferir' }).click();
        await pagina.getByRole('table', { name: 'Cobros por transferir' }).waitFor();
        const referencia = `TEF E2E ${marca()}`;
        await pagina.getByRole('textbox', { name: 'Referencia de la transferencia' }).fill(referencia);
        const transferida = respuestaDe(pagina, '/api/v1/factoring/transferencias', {}, 'POST');
        await pagina
          .getByRole('button', { name: `Transferir ${pesos(porTransferir)} a ${FACTOR_DEMO}` })
          .click();
        assert.equal((await transferida).status(), 201);
        await pagina.getByText('No hay cobros pendientes de transferir.').waitFor();
        await pagina
          .getByRole('table', { name: 'Transferencias al factor' })
          .getByRole('row', { name: new RegExp(`${escapar(pesos(porTransferir))} 1 ${referencia}`) })
          .waitFor();
        await sinViolacionesGraves(pagina, 'las transferencias al factor');

        await pagina.getByRole('tab', { name: 'Factores' }).click();
        await esperar(async () => (await celdas.nth(6).textContent()) === '$0', {
          mensaje: 'el monto por transferir en $0',
        });
        const despues = (await api('/api/v1/factoring/factores')).find((f) => f.id === factor.id);
        assert.equal(Number(despues.porTransferir), 0);
      });
    },
  );

  test(
    'la conciliación con el estado del factor muestra lo que coincide y lo que está solo en el factor',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const cedidos = (await api('/api/v1/factoring/cesiones')).filter((c) => c.factor === FACTOR_DEMO);
      const cedido = cedidos.find((c) => Number(c.saldo) > 0);
      assert.ok(cedido, `la demo tiene un documento cedido a ${FACTOR_DEMO} con saldo`);
      const { rut } = await api(`/api/v1/clientes/${cedido.clienteId}`);
      const folioAjeno = 900_000_000 + Math.floor(Math.random() * 90_000_000);
      const rutAjeno = rutNuevo();
      const csv = [
        'folio,rut_deudor,monto,estado',
        `${cedido.folio},${rut},${Number(cedido.total)},pendiente`,
        `${folioAjeno},${rutAjeno},150000,pendiente`,
      ].join('\n');

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await abrirDesdeMenu(pagina, 'Factoring', 'Factoring');
        await pagina.getByRole('tab', { name: 'Conciliación' }).click();
        const panel = pagina.getByRole('tabpanel', { name: 'Conciliación' });
        await panel.getByRole('textbox', { name: 'Factor' }).click();
        await pagina.getByRole('option', { name: FACTOR_DEMO, exact: true }).click();
        await panel.locator('input[type="file"]').setInputFiles({
          name: 'estado-factor.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv, 'utf8'),
        });
        const conciliada = respuestaDe(pagina, '/api/v1/factoring/conciliacion', {}, 'POST');
        await panel.getByRole('button', { name: 'Conciliar' }).click();
        assert.equal((await conciliada).status(), 200);

        const resultado = panel.getByRole('table', { name: 'Resultado de la conciliación' });
        await resultado.getByRole('row', { name: new RegExp(`^Coincide ${cedido.folio} `) }).waitFor();
        await resultado.getByRole('row', { name: new RegExp(`^Solo en el factor ${folioAjeno} `) }).waitFor();
        // The factor's other ceded documents are missing from its statement.
        assert.equal(
          await resultado.getByRole('row', { name: /^Solo en nuestros libros / }).count(),
          cedidos.length - 1,
        );
        await panel.getByText('Coinciden: 1').waitFor();
        await panel.getByText('Solo en el factor: 1').waitFor();
        await sinViolacionesGraves(pagina, 'el resultado de la conciliación', '[role="tabpanel"]');
      });
    },
  );

  test(
    'la póliza demo y el cliente sobre su límite asegurado se ven en Seguros de crédito y en la ficha del cliente',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const poliza = (await api('/api/v1/credito/seguros/polizas')).find(
        (p) => p.numeroPoliza === POLIZA_DEMO,
      );
      assert.ok(poliza, `la demo tiene la póliza ${POLIZA_DEMO}`);
      const excesos = await api('/api/v1/credito/seguros/excesos');
      const exceso = excesos.find((e) => e.seguro.numeroPoliza === POLIZA_DEMO);
      assert.ok(exceso, 'un cliente asegurado de la demo supera su límite');

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await abrirDesdeMenu(pagina, 'Niveles de aprobación', 'Niveles de aprobación y score');
        await pagina.getByRole('tab', { name: 'Seguros de crédito' }).click();
        const panel = pagina.getByRole('tabpanel', { name: 'Seguros de crédito' });
        const fila = panel
          .getByRole('table', { name: 'Pólizas de seguro de crédito' })
          .getByRole('row', { name: new RegExp(`^${poliza.aseguradora} ${POLIZA_DEMO} `) });
        await fila.waitFor();
        assert.match(
          await fila.textContent(),
          new RegExp(`${escapar(pesos(poliza.limiteAseguradoTotal))}(Terminar)?$`),
        );
        const excedido = panel
          .getByRole('table', { name: 'Exposición sobre el límite asegurado' })
          .getByRole('row')
          .filter({ hasText: exceso.razonSocial });
        await excedido.waitFor();
        assert.match(
          await excedido.textContent(),
          new RegExp(`${escapar(pesos(exceso.seguro.exposicion))}${escapar(pesos(exceso.seguro.exceso))}$`),
        );
        await sinViolacionesGraves(pagina, 'los seguros de crédito', '[role="tabpanel"]');

        await pagina.goto(`/clientes/${exceso.clienteId}?tab=credito`);
        const seguro = pagina.getByRole('region', { name: 'Seguro de crédito' });
        const alerta = seguro.getByRole('alert');
        await alerta.getByText('Exposición sobre el límite asegurado').waitFor();
        assert.match(
          await alerta.textContent(),
          new RegExp(`${escapar(pesos(exceso.seguro.exceso))} de la deuda del cliente no está cubierta`),
        );
        // Mantine's red alert: the colour is the warning, not only the text.
        assert.match(await alerta.getAttribute('style'), /--alert-color: var\(--mantine-color-red/);
        await seguro.getByText('Póliza vigente').waitFor();
        await sinViolacionesGraves(pagina, 'el seguro del cliente', '[role="tabpanel"]');
      });
    },
  );

  test(
    'el abono de la demo sobre un documento castigado es un recupero que enlaza a su pago y el documento sigue castigado',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const { recuperos } = await api('/api/v1/castigos/recuperos');
      const desdePago = recuperos.find((r) => r.pagoId);
      assert.ok(desdePago, 'la demo tiene un recupero tomado de un pago');
      const pago = await api(`/api/v1/pagos/${desdePago.pagoId}`);
      assert.equal(
        Number(pago.aplicado) +
          pago.recuperos.reduce((s, r) => s + Number(r.monto), 0) +
          Number(pago.saldoAFavor),
        Number(pago.monto),
      );

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await abrirDesdeMenu(pagina, 'Castigos', 'Castigos');
        await pagina.getByRole('tab', { name: 'Recuperos' }).click();
        const fila = pagina
          .getByRole('table', { name: 'Recuperos de castigos' })
          .getByRole('row')
          .filter({ hasText: desdePago.referencia });
        await fila.first().waitFor();
        await fila.first().getByRole('link', { name: 'Pago' }).click();
        const tabla = pagina.getByRole('table', { name: 'Recuperos de castigos del pago' });
        await tabla.waitFor();
        const linea = tabla.getByRole('row').filter({ hasText: `N° ${desdePago.folio}` });
        assert.match(await linea.textContent(), new RegExp(`${escapar(pesos(desdePago.monto))}Vigente$`));
        await sinViolacionesGraves(pagina, 'el pago con recupero de castigo');
        const doc = await api(`/api/v1/documentos/${desdePago.documentoId}`);
        assert.equal(doc.estado, 'castigado');
        assert.equal(Number(doc.saldo), 0);
      });
    },
  );

  test(
    'una póliza se termina desde Seguros de crédito y queda en la lista como terminada',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const numero = `E2E-${marca()}`;
      await api('/api/v1/credito/seguros/polizas', {
        method: 'POST',
        body: {
          aseguradora: 'Aseguradora E2E',
          numeroPoliza: numero,
          vigenciaDesde: '2025-01-01',
          vigenciaHasta: '2099-12-31',
          porcentajeCobertura: 80,
          diasDenuncia: 30,
        },
      });
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await abrirDesdeMenu(pagina, 'Niveles de aprobación', 'Niveles de aprobación y score');
        await pagina.getByRole('tab', { name: 'Seguros de crédito' }).click();
        const fila = pagina
          .getByRole('table', { name: 'Pólizas de seguro de crédito' })
          .getByRole('row')
          .filter({ hasText: numero });
        await fila.getByRole('button', { name: 'Terminar' }).click();
        const dialogo = pagina.getByRole('dialog', { name: `Terminar póliza ${numero}` });
        await dialogo.getByRole('textbox', { name: 'Motivo' }).fill('No renovada por la aseguradora');
        const terminada = respuestaA(
          pagina,
          'POST',
          /^\/api\/v1\/credito\/seguros\/polizas\/[0-9a-f-]{36}\/terminar$/,
        );
        await dialogo.getByRole('button', { name: 'Terminar póliza' }).click();
        assert.equal((await terminada).status(), 200);
        await fila.getByText('Terminada: No renovada por la aseguradora').waitFor();
        assert.equal(await fila.getByRole('button', { name: 'Terminar' }).count(), 0);
        const poliza = (await api('/api/v1/credito/seguros/polizas')).find((p) => p.numeroPoliza === numero);
        // The termination date is the last day covered: ended today, it still covers today and not tomorrow.
        assert.equal(poliza.fechaTermino, poliza.vigenciaHasta);
        assert.equal(
          await fila.getByText(`– ${poliza.vigenciaHasta.split('-').reverse().join('-')}`).count(),
          1,
        );
      });
    },
  );

  test(
    'un recupero tomado de un pago se reversa desde la lista y su monto vuelve al pago como saldo a favor',
    LIMITE,
    async (t) => {
      const api = await apiComo(admin);
      const { recuperos } = await api('/api/v1/castigos/recuperos');
      const desdePago = recuperos.find((r) => r.pagoId && !r.fechaReversa);
      assert.ok(desdePago, 'la demo tiene un recupero vigente tomado de un pago');
      const antes = await api(`/api/v1/pagos/${desdePago.pagoId}`);

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, admin);
        await abrirDesdeMenu(pagina, 'Castigos', 'Castigos');
        await pagina.getByRole('tab', { name: 'Recuperos' }).click();
        await pagina
          .getByRole('button', { name: `Reversar recupero ${desdePago.tipo} ${desdePago.folio}` })
          .click();
        const formulario = pagina.getByRole('form', { name: 'Reversar recupero' });
        await formulario.getByRole('textbox', { name: 'Motivo de la reversa' }).fill('Abono de otra deuda');
        await sinViolacionesGraves(pagina, 'la reversa de un recupero');
        const reversado = respuestaDe(
          pagina,
          `/api/v1/castigos/recuperos/${desdePago.id}/reversar`,
          {},
          'POST',
        );
        await formulario.getByRole('button', { name: 'Confirmar reversa' }).click();
        assert.equal((await reversado).status(), 200);
        await pagina.getByText('Recupero reversado').waitFor();

        const despues = await api(`/api/v1/pagos/${desdePago.pagoId}`);
        assert.equal(Number(despues.saldoAFavor), Number(antes.saldoAFavor) + Number(desdePago.monto));
        assert.equal(
          Number(despues.aplicado) +
            despues.recuperos.filter((r) => r.activo).reduce((s, r) => s + Number(r.monto), 0) +
            Number(despues.saldoAFavor),
          Number(despues.monto),
          'aplicado + recuperos vigentes + saldo a favor = monto del pago',
        );
      });
    },
  );
});
