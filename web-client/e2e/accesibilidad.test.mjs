// Browser test of accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every main screen, as the administrator, on a
// desktop and on a 390×844 phone. 0 critical and 0 serious violations; each screen has one <h1> and its own title.
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
  nuevaPagina,
} from './soporte.mjs';

const LIMITE = { timeout: 900_000 };
const ETIQUETAS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const GRAVES = new Set(['critical', 'serious']);

/** The main screens (issue 13 §5). `ruta` may need ids of the demo data, resolved once through the API. */
const PANTALLAS = [
  { nombre: 'Inicio', ruta: () => '/' },
  { nombre: 'Clientes', ruta: () => '/clientes' },
  { nombre: 'Ficha de cliente', ruta: (d) => `/clientes/${d.clienteId}` },
  { nombre: 'Cartera del cliente', ruta: (d) => `/clientes/${d.clienteId}?tab=cartera` },
  { nombre: 'Contactos del cliente', ruta: (d) => `/clientes/${d.clienteId}?tab=contactos` },
  { nombre: 'Documentos', ruta: () => '/cartera/documentos' },
  { nombre: 'Documento', ruta: (d) => `/cartera/documentos/${d.documentoId}` },
  { nombre: 'Pagos', ruta: () => '/cartera/pagos' },
  { nombre: 'Registrar pago', ruta: () => '/cartera/pagos/nuevo' },
  { nombre: 'Cheques', ruta: () => '/cartera/cheques' },
  { nombre: 'Antigüedad de saldos', ruta: () => '/cartera/antiguedad' },
  { nombre: 'Provisión', ruta: () => '/cartera/provision' },
  { nombre: 'Importar clientes', ruta: () => '/importar-clientes' },
  { nombre: 'Importar documentos', ruta: () => '/cartera/importar-documentos' },
  { nombre: 'Configuración de cartera', ruta: () => '/cartera/configuracion' },
  { nombre: 'Auditoría', ruta: () => '/administracion/auditoria' },
  { nombre: 'Usuarios', ruta: () => '/administracion/usuarios' },
  { nombre: 'API keys', ruta: () => '/administracion/api-keys' },
  { nombre: 'Mi trabajo', ruta: () => '/gestion/mi-trabajo' },
  { nombre: 'Cobradores', ruta: () => '/gestion/cobradores' },
  { nombre: 'Tipos de actividad', ruta: () => '/gestion/tipos-actividad' },
  { nombre: 'Compromisos', ruta: () => '/gestion/compromisos' },
  { nombre: 'Disputas', ruta: () => '/gestion/disputas' },
  { nombre: 'Política de cobranza', ruta: () => '/gestion/politica-cobranza' },
];

const VISTAS = [
  { nombre: 'escritorio', viewport: { width: 1366, height: 900 } },
  { nombre: 'teléfono', viewport: { width: 390, height: 844 } },
];

async function revisar(pagina, pantalla, ruta) {
  await pagina.goto(ruta);
  await pagina.locator('h1').first().waitFor();
  await esperar(async () => !(await appOcupada(pagina)), {
    mensaje: `${pantalla.nombre} sin consultas en curso`,
  });
  const h1 = await pagina.locator('h1').count();
  const titulo = await pagina.title();
  const r = await new AxeBuilder({ page: pagina }).withTags(ETIQUETAS).analyze();
  const graves = r.violations.filter((v) => GRAVES.has(v.impact));
  return {
    h1,
    titulo,
    reglas: r.passes.length + r.violations.length + r.incomplete.length,
    graves: graves.map((v) => ({
      regla: v.id,
      impacto: v.impact,
      elementos: v.nodes.length,
      ejemplo: v.nodes[0]?.target?.join(' ') ?? '',
      resumen: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
    })),
  };
}

describe('Accesibilidad (axe-core, WCAG 2.1 AA)', () => {
  let navegador;
  let admin;
  const datos = {};

  before(async () => {
    navegador = await abrirNavegador();
    admin = administradorPrimeraEmpresa();
    const api = await apiComo(admin);
    const docs = await api('/api/v1/documentos?tamanoPagina=50');
    const doc = docs.items.find((d) => Number(d.saldo) > 0) ?? docs.items[0];
    assert.ok(doc, 'la demo no tiene documentos');
    datos.documentoId = doc.id;
    datos.clienteId = doc.cliente?.id ?? doc.clienteId;
    assert.ok(datos.clienteId, `documento sin cliente: ${JSON.stringify(doc).slice(0, 200)}`);
  });

  after(async () => {
    await navegador?.close();
  });

  test('la lista de pantallas es la de la revisión', () => {
    assert.equal(PANTALLAS.length, 24);
    assert.equal(new Set(PANTALLAS.map((p) => p.nombre)).size, PANTALLAS.length);
  });

  for (const vista of VISTAS) {
    test(
      `0 violaciones críticas o serias en ${PANTALLAS.length} pantallas (${vista.nombre})`,
      LIMITE,
      async (t) => {
        const pagina = await nuevaPagina(navegador);
        await pagina.setViewportSize(vista.viewport);
        await conCaptura(t, pagina, async () => {
          await iniciarSesion(pagina, admin);
          const problemas = [];
          let reglas = 0;
          let graves = 0;
          for (const p of PANTALLAS) {
            const r = await revisar(pagina, p, p.ruta(datos));
            reglas += r.reglas;
            graves += r.graves.reduce((s, g) => s + g.elementos, 0);
            t.diagnostic(
              `${p.nombre}: ${r.reglas} reglas revisadas, ${r.graves.length} graves${r.graves.length ? ` (${r.graves.map((g) => `${g.regla}×${g.elementos}`).join(', ')})` : ''}`,
            );
            assert.ok(r.reglas >= 15, `${p.nombre}: axe revisó sólo ${r.reglas} reglas`);
            if (r.graves.length) problemas.push(`${p.nombre}: ${JSON.stringify(r.graves)}`);
            if (r.h1 !== 1) problemas.push(`${p.nombre}: ${r.h1} elementos <h1>`);
            if (!/^.+ · Cobranzas$/.test(r.titulo))
              problemas.push(`${p.nombre}: título de la pestaña "${r.titulo}"`);
          }
          t.diagnostic(
            `${vista.nombre}: ${PANTALLAS.length} pantallas, ${reglas} reglas revisadas en total, ${graves} elementos con violaciones graves`,
          );
          assert.deepEqual(problemas, []);
        });
      },
    );
  }

  test('el enlace para saltar al contenido es lo primero del teclado y el foco se ve', LIMITE, async (t) => {
    const pagina = await nuevaPagina(navegador);
    await conCaptura(t, pagina, async () => {
      await iniciarSesion(pagina, admin);
      await pagina.goto('/clientes');
      await pagina.locator('h1').waitFor();
      await pagina.keyboard.press('Tab');
      const foco = await pagina.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return {
          texto: el.textContent,
          visible: el.getBoundingClientRect().top >= 0,
          contorno: s.outlineStyle !== 'none' || s.borderStyle !== 'none',
        };
      });
      assert.equal(foco.texto, 'Saltar al contenido');
      assert.ok(foco.visible && foco.contorno, JSON.stringify(foco));
      await pagina.keyboard.press('Enter');
      assert.equal(await pagina.evaluate(() => document.activeElement?.id), 'contenido');
    });
  });
});
