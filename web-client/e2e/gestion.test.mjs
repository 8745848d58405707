// Browser test of Gestión: a collector works its "Mi trabajo" list with the keyboard (see package.json "test:e2e").
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
  usuarioPrimeraEmpresa,
} from './soporte.mjs';

const LIMITE = { timeout: 180_000 };
const escapar = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cuerpoRut = (rut) => Number(rut.split('-')[0].replace(/\./g, ''));
const formatearPesos = (n) => `$${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

/**
 * Three clients of the collector that can be worked today whatever the demo holds: open CLP documents, a phone call
 * allowed now by the contact rules (business clients first: Ley 21.320 limits only consumers) and, for the dispute,
 * no dispute yet.
 */
async function clientesParaTrabajar(admin, cobradorId) {
  const { items } = await admin(`/api/v1/gestion/asignaciones?cobradorId=${cobradorId}&tamanoPagina=200`);
  const candidatos = [...items].sort(
    (a, b) => Number(cuerpoRut(b.rut) >= 50_000_000) - Number(cuerpoRut(a.rut) >= 50_000_000),
  );
  const elegidos = [];
  for (const a of candidatos) {
    if (elegidos.length === 3) break;
    const reglas = await admin(`/api/v1/gestion/reglas-contacto/${a.clienteId}?canal=telefono`);
    if (!reglas.permitido) continue;
    const docs = (await admin(`/api/v1/documentos?clienteId=${a.clienteId}&tamanoPagina=200`)).items.filter(
      (d) => Number(d.saldo) > 0 && d.moneda === 'CLP',
    );
    if (docs.length === 0) continue;
    const disputas = await admin(`/api/v1/gestion/disputas?clienteId=${a.clienteId}`);
    const sinDisputas = disputas.length === 0;
    // The third one (the dispute) needs a client without disputes; the others take any.
    if (elegidos.length === 2 && !sinDisputas) continue;
    elegidos.push({ id: a.clienteId, razonSocial: a.razonSocial, documento: docs[0] });
  }
  assert.equal(
    elegidos.length,
    3,
    `el cobrador ${cobradorId} no tiene tres clientes que se puedan gestionar hoy`,
  );
  return elegidos;
}

describe('Gestión: Mi trabajo', () => {
  let navegador;
  let admin;
  let cobrador;

  before(async () => {
    admin = administradorPrimeraEmpresa();
    cobrador = usuarioPrimeraEmpresa('Cobrador');
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'un cobrador trabaja tres tareas con el teclado (llamada sin respuesta, compromiso, disputa) y la ficha del cliente cambia',
    LIMITE,
    async (t) => {
      // Setup through the API: three fresh tasks due today for three of the collector's clients.
      const apiAdmin = await apiComo(admin);
      const apiCobrador = await apiComo(cobrador);
      const sesion = await apiCobrador('/api/v1/auth/sesion');
      const cobradores = await apiAdmin('/api/v1/gestion/cobradores');
      const propio = cobradores.find((c) => c.usuarioId === sesion.usuario.id);
      assert.ok(propio, `${cobrador.email} no está vinculado a un cobrador`);
      const [cLlamada, cCompromiso, cDisputa] = await clientesParaTrabajar(apiAdmin, propio.id);
      const m = marca();
      const hoy = fechaSantiago(0);
      const tareas = [];
      for (const [c, tipo, titulo] of [
        [cLlamada, 'llamada', `E2E llamar ${m}`],
        [cCompromiso, 'llamada', `E2E compromiso ${m}`],
        [cDisputa, 'seguimiento', `E2E disputa ${m}`],
      ]) {
        tareas.push(
          await apiAdmin('/api/v1/gestion/tareas', {
            method: 'POST',
            body: { clienteId: c.id, tipo, titulo, fecha: hoy, cobradorId: propio.id, motivo: 'Prueba e2e' },
          }),
        );
      }
      const lista = await apiCobrador('/api/v1/gestion/mi-trabajo?limite=500');
      for (const tarea of tareas)
        assert.ok(
          lista.items.some((i) => i.tareaId === tarea.id),
          `la tarea "${tarea.titulo}" no está en Mi trabajo`,
        );
      const [motivo] = (await apiAdmin('/api/v1/gestion/motivos-disputa')).filter((x) => x.activo !== false);
      assert.ok(motivo, 'la empresa no tiene motivos de disputa');
      const monto = 10_000 + Math.floor(Math.random() * 80_000);
      const fechaPromesa = fechaSantiago(4);

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, cobrador);
        await pagina.waitForURL((u) => u.pathname === '/gestion/mi-trabajo');
        const fila = (titulo) => pagina.getByRole('option', { name: new RegExp(escapar(titulo)) });

        // 1. A call with no answer: `l`, outcome "No contesta", save → the task leaves the list.
        await fila(tareas[0].titulo).click();
        await pagina.keyboard.press('l');
        const llamada = pagina.getByRole('dialog', { name: /Registrar llamada/ });
        const tipo = llamada.getByRole('textbox', { name: /^Tipo de actividad/ });
        await esperar(async () => /^Llamada/.test(await tipo.inputValue()), {
          mensaje: 'el tipo Llamada preseleccionado',
        });
        await esperar(() => tipo.evaluate((el) => el === document.activeElement), {
          mensaje: 'el foco en el primer campo',
        });
        await llamada.getByRole('textbox', { name: /^Resultado/ }).click();
        await pagina.getByRole('option', { name: 'No contesta', exact: true }).click();
        const actividad = respuestaDe(pagina, '/api/v1/gestion/actividades', {}, 'POST');
        await llamada.getByRole('button', { name: 'Registrar actividad' }).click();
        assert.equal((await actividad).status(), 201);
        await fila(tareas[0].titulo).waitFor({ state: 'detached' });
        await llamada.waitFor({ state: 'detached' });

        // 2. A promise: `m`, one installment a few days ahead, save.
        await fila(tareas[1].titulo).click();
        await pagina.keyboard.press('m');
        const compromiso = pagina.getByRole('dialog', { name: /Tomar compromiso/ });
        const fecha = compromiso.getByRole('textbox', { name: /^Fecha prometida/ });
        await esperar(() => fecha.evaluate((el) => el === document.activeElement), {
          mensaje: 'el foco en la fecha prometida',
        });
        await fecha.fill(comoCampoFecha(fechaPromesa));
        const campoMonto = compromiso.getByRole('textbox', { name: /^Monto/ });
        await campoMonto.fill(String(monto));
        const tomado = respuestaDe(pagina, '/api/v1/gestion/compromisos', {}, 'POST');
        // Enter in a field submits the form.
        await campoMonto.press('Enter');
        const rTomado = await tomado;
        assert.equal(rTomado.status(), 201, await rTomado.text());
        await fila(tareas[1].titulo).waitFor({ state: 'detached' });

        // 3. A dispute: `d`, the reason, the document, save.
        await fila(tareas[2].titulo).click();
        await pagina.keyboard.press('d');
        const disputa = pagina.getByRole('dialog', { name: /Abrir disputa/ });
        await disputa.getByRole('textbox', { name: /^Motivo/ }).click();
        await pagina.getByRole('option', { name: motivo.nombre, exact: true }).click();
        const doc = cDisputa.documento;
        await disputa
          .getByRole('checkbox', { name: new RegExp(`^${escapar(`${doc.tipo} ${doc.folio} ·`)}`) })
          .check();
        const abierta = respuestaDe(pagina, '/api/v1/gestion/disputas', {}, 'POST');
        await disputa.getByRole('button', { name: 'Abrir disputa', exact: true }).click();
        const rAbierta = await abierta;
        assert.equal(rAbierta.status(), 201, await rAbierta.text());
        await fila(tareas[2].titulo).waitFor({ state: 'detached' });

        // The client pages show what was done: the call on top of the timeline, the promise, the dispute.
        await pagina.goto(`/clientes/${cLlamada.id}`);
        await pagina.getByRole('tab', { name: 'Actividades' }).click();
        const primera = pagina
          .getByLabel('Historial de actividades')
          .locator('.mantine-Timeline-item')
          .first();
        await primera.getByText('No contesta', { exact: true }).waitFor();
        await primera.getByText('Llamada', { exact: true }).waitFor();

        await pagina.goto(`/clientes/${cCompromiso.id}`);
        await pagina.getByRole('tab', { name: 'Compromisos' }).click();
        const cuota = pagina
          .getByRole('table', { name: 'Cuotas del compromiso' })
          .getByRole('row', { name: new RegExp(escapar(comoCampoFecha(fechaPromesa))) });
        await cuota.getByText(formatearPesos(monto), { exact: true }).first().waitFor();

        await pagina.goto(`/clientes/${cDisputa.id}`);
        await pagina.getByRole('tab', { name: 'Disputas' }).click();
        await pagina.getByRole('tabpanel').getByText(motivo.nombre).first().waitFor();
      });

      // The API agrees: the three tasks completed with their outcome, the promise and the dispute stored.
      const completadas = await Promise.all(
        tareas.map((x) => apiCobrador(`/api/v1/gestion/tareas?clienteId=${x.clienteId}&estado=completada`)),
      );
      const resultados = tareas.map((x, i) => completadas[i].items.find((c) => c.id === x.id)?.resultado);
      assert.deepEqual(resultados, ['Llamada: No contesta', 'Compromiso de pago tomado', 'Disputa abierta']);
      const compromisos = await apiCobrador(`/api/v1/gestion/compromisos?clienteId=${cCompromiso.id}`);
      const nuevo = compromisos.find((c) => Number(c.monto) === monto);
      assert.ok(nuevo, 'el compromiso no quedó registrado');
      assert.deepEqual(
        nuevo.cuotas.map((q) => [q.fecha, Number(q.monto)]),
        [[fechaPromesa, monto]],
      );
      const disputas = await apiCobrador(`/api/v1/gestion/disputas?clienteId=${cDisputa.id}`);
      assert.deepEqual(
        disputas.map((d) => [d.motivoId, d.documentoIds]),
        [[motivo.id, [cDisputa.documento.id]]],
      );
    },
  );
});
