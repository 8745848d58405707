// Shared helpers of the browser tests (node --test + playwright-core + system Chromium).
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.E2E_BASE_URL || 'http://127.0.0.1:5080').replace(/\/$/, '');
export const MAILDEV_URL = (process.env.E2E_MAILDEV_URL || 'http://127.0.0.1:1080').replace(/\/$/, '');
const DIR_INFORME = process.env.E2E_REPORT_DIR || path.resolve(import.meta.dirname, '..', 'e2e-artifacts');

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
    viewport: { width: 1366, height: 900 },
  });
  contexto.setDefaultTimeout(15_000);
  contexto.setDefaultNavigationTimeout(30_000);
  const pagina = await contexto.newPage();
  pagina.errores = [];
  pagina.on('console', (m) => m.type() === 'error' && pagina.errores.push(m.text()));
  pagina.on('pageerror', (e) => pagina.errores.push(String(e)));
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
 * `API key: <key> (<empresa>)`. Returns the Administrador of the first company listed.
 */
export function administradorPrimeraEmpresa() {
  const archivo = process.env.E2E_CREDENCIALES;
  if (!archivo) throw new Error('Falta E2E_CREDENCIALES (archivo de credenciales demo)');
  const usuarios = [];
  for (const linea of readFileSync(archivo, 'utf8').split(/\r?\n/)) {
    const m = /^\s*Usuario:\s*(\S+)\s*\/\s*(.+?)\s*\(([^()]*),\s*([^(),]+)\)\s*$/.exec(linea);
    if (m) usuarios.push({ email: m[1], password: m[2], empresa: m[3].trim(), rol: m[4].trim() });
  }
  if (usuarios.length === 0) throw new Error(`No hay líneas "Usuario:" en ${archivo}`);
  const empresa = usuarios[0].empresa;
  const admin = usuarios.find((u) => u.empresa === empresa && u.rol === 'Administrador');
  if (!admin) throw new Error(`No hay Administrador de ${empresa} en ${archivo}`);
  return admin;
}

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

/** Polls until `fn` returns a truthy value. */
export async function esperar(fn, { timeout = 15_000, intervalo = 250, mensaje = 'condición' } = {}) {
  const limite = Date.now() + timeout;
  let ultimo;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      ultimo = e;
    }
    if (Date.now() > limite)
      throw new Error(`Tiempo agotado esperando ${mensaje}${ultimo ? `: ${ultimo.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalo));
  }
}

/** Logs in through the login screen and waits for the app shell. */
export async function iniciarSesion(pagina, { email, password }) {
  await pagina.goto('/login');
  await pagina.getByLabel('E-mail', { exact: true }).fill(email);
  await pagina.getByLabel('Contraseña', { exact: true }).fill(password);
  await pagina.getByRole('button', { name: 'Ingresar' }).click();
  await pagina.waitForURL((u) => !u.pathname.startsWith('/login'));
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
    { timeout, intervalo: 1000, mensaje: `el correo para ${destinatario} en ${MAILDEV_URL}` },
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
