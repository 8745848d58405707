// Shared helpers of the browser tests (node --test + playwright-core + system Chromium).
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:5080').replace(/\/$/, '');
export const MAILDEV_URL = (process.env.E2E_MAILDEV_URL || 'http://127.0.0.1:1080').replace(/\/$/, '');
const DIR_INFORME = process.env.E2E_REPORT_DIR || path.resolve(import.meta.dirname, '..', 'e2e-artifacts');

/** The server's business time zone; the browser runs in it too, so "today" is the same date on both sides. */
export const ZONA = 'America/Santiago';

/**
 * Bound of a wait on the server (a search, a save, the login): not a guess at how long it takes, only a guard so a
 * request that never answers is reported with a screenshot before the test's own limit (180 s) stops everything.
 */
export const ESPERA_SERVIDOR = 150_000;

const dos = (n) => String(n).padStart(2, '0');
/** `yyyy-mm-dd` of today in Santiago plus `dias` (the API's business date, whatever the host's zone). */
export function fechaSantiago(dias = 0) {
  const hoy = new Date().toLocaleDateString('sv-SE', { timeZone: ZONA });
  const d = new Date(`${hoy}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dias);
  return `${d.getUTCFullYear()}-${dos(d.getUTCMonth() + 1)}-${dos(d.getUTCDate())}`;
}
/** `dd-mm-aaaa`, as the date fields show an ISO date. */
export const comoCampoFecha = (iso) => iso.split('-').reverse().join('-');

let paginaActual = null;

export async function abrirNavegador() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** New isolated context + page; collects console errors for the failure report. */
export async function nuevaPagina(navegador) {
  const contexto = await navegador.newContext({
    baseURL: BASE_URL,
    locale: 'es-CL',
    timezoneId: ZONA,
    viewport: { width: 1366, height: 900 },
    // Once /terreno's service worker controls the page, the page's own network events miss the API answers it passes
    // through, and every wait for a response would hang.
    serviceWorkers: 'block',
  });
  // Every Playwright wait is for a state (an element, a URL); its bound is only the hang guard, never an estimate
  // of how fast a loaded machine renders or answers.
  contexto.setDefaultTimeout(ESPERA_SERVIDOR);
  contexto.setDefaultNavigationTimeout(ESPERA_SERVIDOR);
  const pagina = await contexto.newPage();
  pagina.errores = [];
  pagina.on('console', (m) => m.type() === 'error' && pagina.errores.push(m.text()));
  pagina.on('pageerror', (e) => pagina.errores.push(String(e)));
  paginaActual = pagina;
  return pagina;
}

/** Runs a test body; on failure saves a screenshot and the page's console errors, then rethrows. */
export async function conCaptura(t, pagina, cuerpo) {
  try {
    await cuerpo();
  } catch (e) {
    try {
      mkdirSync(DIR_INFORME, { recursive: true });
      const nombre = t.name.replace(/[^\w-]+/g, '_').slice(0, 80);
      const archivo = path.join(DIR_INFORME, `${nombre}.png`);
      await pagina.screenshot({ path: archivo, fullPage: true });
      t.diagnostic(`captura: ${archivo}`);
      t.diagnostic(`url: ${pagina.url()}`);
      for (const err of pagina.errores.slice(-10)) t.diagnostic(`consola: ${err}`);
    } catch {
      // best effort
    }
    throw e;
  } finally {
    await pagina.context().close();
  }
}

/**
 * Reads E2E_CREDENCIALES: lines `Usuario: <email> / <password> (<empresa>, <rol>)` and
 * `API key: <key> (<empresa>)`. Returns the user with role `rol` of the first company listed.
 */
export function usuarioPrimeraEmpresa(rol) {
  const archivo = process.env.E2E_CREDENCIALES;
  if (!archivo) throw new Error('Falta E2E_CREDENCIALES (archivo de credenciales demo)');
  const usuarios = [];
  for (const linea of readFileSync(archivo, 'utf8').split(/\r?\n/)) {
    const m = /^\s*Usuario:\s*(\S+)\s*\/\s*(.+?)\s*\(([^()]*),\s*([^(),]+)\)\s*$/.exec(linea);
    if (m) usuarios.push({ email: m[1], password: m[2], empresa: m[3].trim(), rol: m[4].trim() });
  }
  if (usuarios.length === 0) throw new Error(`No hay líneas "Usuario:" en ${archivo}`);
  const empresa = usuarios[0].empresa;
  const usuario = usuarios.find((u) => u.empresa === empresa && u.rol === rol);
  if (!usuario) throw new Error(`No hay ${rol} de ${empresa} en ${archivo}`);
  return usuario;
}

/** The Administrador of the first company in E2E_CREDENCIALES. */
export const administradorPrimeraEmpresa = () => usuarioPrimeraEmpresa('Administrador');

/** Modulo 11 check digit of a RUT body. */
export function digitoVerificador(cuerpo) {
  let suma = 0;
  let factor = 2;
  for (let i = cuerpo.length - 1; i >= 0; i--) {
    suma += Number(cuerpo[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const r = 11 - (suma % 11);
  return r === 11 ? '0' : r === 10 ? 'K' : String(r);
}

/** A fresh valid RUT (body 30.000.000–49.999.999 from the clock and randomness), formatted `12.345.678-5`. */
export function rutNuevo() {
  const n =
    30_000_000 + (((Date.now() % 10_000_000) * 7 + Math.floor(Math.random() * 1_000_000)) % 20_000_000);
  const cuerpo = String(n);
  return `${cuerpo.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${digitoVerificador(cuerpo)}`;
}

export const marca = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/**
 * Whether the SPA has API requests in flight (`<html data-consultas>`, set by the app from React Query) or the
 * page is still loading. A closed or navigating page counts as busy.
 */
export async function appOcupada(pagina) {
  try {
    return await pagina.evaluate(
      () => document.readyState !== 'complete' || (document.documentElement.dataset.consultas ?? '1') !== '0',
    );
  } catch {
    return true;
  }
}

/**
 * Polls until `fn` returns a truthy value. The wait follows the app, not a clock: while the page has requests in
 * flight the condition may still come true, so only time the app spends idle counts toward `inactivo`; the guard
 * `ESPERA_SERVIDOR` ends a wait on a request that never answers.
 */
export async function esperar(
  fn,
  { inactivo = 15_000, intervalo = 250, mensaje = 'condición', pagina = paginaActual } = {},
) {
  const inicio = Date.now();
  let limite = Date.now() + inactivo;
  let ultimo;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      ultimo = e;
    }
    if (pagina && !pagina.isClosed() && (await appOcupada(pagina))) limite = Date.now() + inactivo;
    if (Date.now() > limite || Date.now() - inicio > ESPERA_SERVIDOR)
      throw new Error(`Tiempo agotado esperando ${mensaje}${ultimo ? `: ${ultimo.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalo));
  }
}

/** Waits for the API answer to a request whose path is `ruta` (and, if given, whose query matches `consulta`). */
export function respuestaDe(pagina, ruta, consulta = {}, metodo = 'GET') {
  return pagina.waitForResponse(
    (r) => {
      const u = new URL(r.url());
      return (
        r.request().method() === metodo &&
        u.pathname === ruta &&
        Object.entries(consulta).every(([k, v]) => u.searchParams.get(k) === v)
      );
    },
    { timeout: ESPERA_SERVIDOR },
  );
}

/**
 * Picks a client in the client picker (`SelectorCliente`): types `texto`, waits for the search request with that
 * text to be answered (however long the server takes), then clicks the option.
 *
 * Call it once the screen that holds the picker is on the page (wait for its heading), not just its URL: the router
 * changes the URL before React commits the new screen, and the lists that lead to a form (documents, payments) have a
 * client picker of their own, which would get the text and then be replaced by the form's empty one.
 */
export async function elegirCliente(
  pagina,
  texto,
  campo = pagina.getByRole('textbox', { name: /^Cliente/ }),
) {
  await campo.click();
  const busqueda = respuestaDe(pagina, '/api/v1/clientes', { buscar: texto });
  await campo.fill(texto);
  const r = await busqueda;
  if (!r.ok()) throw new Error(`la búsqueda de clientes "${texto}" respondió ${r.status()}`);
  const escapado = texto.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await pagina.getByRole('option', { name: new RegExp(escapado) }).click();
}

/** Logs in through the login screen and waits for the app shell. */
export async function iniciarSesion(pagina, { email, password }) {
  await pagina.goto('/login');
  await pagina.getByLabel('E-mail', { exact: true }).fill(email);
  await pagina.getByLabel('Contraseña', { exact: true }).fill(password);
  const login = respuestaDe(pagina, '/api/v1/auth/login', {}, 'POST');
  await pagina.getByRole('button', { name: 'Ingresar' }).click();
  const r = await login;
  if (!r.ok()) throw new Error(`login ${r.status()}: ${await r.text()}`);
  // `/` only redirects to the user's start page (Mi trabajo for a Cobrador, the dashboard otherwise).
  await pagina.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
  await pagina.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
}

/** Text of the elements an input's aria-describedby points to (Mantine puts the field error there). */
export async function textoDescritoPor(input) {
  return input.evaluate((el) =>
    (el.getAttribute('aria-describedby') || '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent || '')
      .join(' '),
  );
}

/** Waits for a message to `destinatario` in maildev and returns it. */
export async function esperarCorreo(destinatario, { timeout = 90_000 } = {}) {
  return esperar(
    async () => {
      const r = await fetch(`${MAILDEV_URL}/email`);
      if (!r.ok) return null;
      const correos = await r.json();
      return correos
        .filter((c) =>
          (c.to || []).some((d) => (d.address || '').toLowerCase() === destinatario.toLowerCase()),
        )
        .at(-1);
    },
    // Invitations and portal links are sent as soon as they are queued; the bound covers an SMTP server that answers late.
    {
      inactivo: timeout,
      intervalo: 250,
      pagina: null,
      mensaje: `el correo para ${destinatario} en ${MAILDEV_URL}`,
    },
  );
}

/** The /activar?token=… link of an invitation e-mail, re-rooted at E2E_BASE_URL. */
export function enlaceActivacion(correo) {
  const cuerpo = `${correo.html || ''}\n${correo.text || ''}`.replace(/&amp;/g, '&');
  const m = /(?:https?:\/\/[^\s"'<>]*)?(\/activar\?token=[^\s"'<>]+)/.exec(cuerpo);
  if (!m) throw new Error(`El correo "${correo.subject}" no tiene un enlace /activar?token=…`);
  return `${BASE_URL}${m[1]}`;
}

/** Logs in through the API (for test setup) and returns a fetch wrapper with the bearer token. */
export async function apiComo({ email, password }) {
  const r = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login API ${r.status}: ${await r.text()}`);
  const { token } = await r.json();
  return async (ruta, { method = 'GET', body } = {}) => {
    const res = await fetch(`${BASE_URL}${ruta}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const texto = await res.text();
    if (!res.ok) throw new Error(`${method} ${ruta} → ${res.status}: ${texto}`);
    return texto ? JSON.parse(texto) : null;
  };
}
