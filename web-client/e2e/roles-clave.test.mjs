// Browser tests of roles and the password reset: what a read-only user sees, and "¿Olvidó su contraseña?" end to end
// through the outbox and maildev (see package.json "test:e2e").
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL,
  MAILDEV_URL,
  abrirNavegador,
  administradorPrimeraEmpresa,
  apiComo,
  conCaptura,
  enlaceActivacion,
  esperar,
  esperarCorreo,
  iniciarSesion,
  marca,
  nuevaPagina,
  usuarioPrimeraEmpresa,
} from './soporte.mjs';

const LIMITE = { timeout: 240_000 };

describe('Roles y contraseña', () => {
  let navegador;

  before(async () => {
    navegador = await abrirNavegador();
  });

  after(async () => {
    await navegador?.close();
  });

  test(
    'un usuario de solo lectura no ve acciones de escritura y una ruta de escritura le dice que no tiene permiso',
    LIMITE,
    async (t) => {
      const consulta = usuarioPrimeraEmpresa('Consulta');
      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await iniciarSesion(pagina, consulta);
        const nav = pagina.getByRole('navigation', { name: 'Navegación principal' });
        await nav.getByRole('link', { name: 'Clientes', exact: true }).waitFor();
        for (const oculto of [
          'Importar clientes',
          'Importar documentos',
          'Usuarios',
          'API keys',
          'Auditoría',
        ])
          assert.equal(
            await nav.getByRole('link', { name: oculto, exact: true }).count(),
            0,
            `menú: ${oculto}`,
          );

        await pagina.goto('/clientes');
        await pagina.getByRole('heading', { name: 'Clientes', level: 1 }).waitFor();
        assert.equal(await pagina.getByRole('link', { name: 'Nuevo cliente' }).count(), 0);

        await pagina.goto('/cartera/pagos');
        await pagina.getByRole('heading', { name: 'Pagos', level: 1 }).waitFor();
        assert.equal(await pagina.getByRole('link', { name: 'Registrar pago' }).count(), 0);

        for (const ruta of [
          '/cartera/pagos/nuevo',
          '/clientes/nuevo',
          '/cartera/documentos/nuevo',
          '/importar-clientes',
          '/administracion/usuarios',
        ]) {
          await pagina.goto(ruta);
          await pagina
            .getByRole('heading', { name: 'No tiene permiso para esta pantalla', level: 1 })
            .waitFor();
          assert.equal(await pagina.title(), 'Sin permiso · Cobranzas', ruta);
          assert.equal(await pagina.getByRole('button', { name: /Guardar/ }).count(), 0, ruta);
        }
      });
    },
  );

  test(
    '¿Olvidó su contraseña?: el enlace llega por correo, define la nueva contraseña y la anterior deja de servir',
    LIMITE,
    async (t) => {
      const admin = administradorPrimeraEmpresa();
      const api = await apiComo(admin);
      const m = marca();
      const email = `olvido.${m}@e2e.cobranzas.test`;
      const inicial = `Inicial${m.slice(-4)}9x`;
      const nueva = `Nueva${m.slice(-4)}7Qz`;
      // A user of its own, so no other test's credentials change.
      await api('/api/v1/usuarios/invitaciones', {
        method: 'POST',
        body: { email, nombre: `Olvidadiza ${m}`, rol: 'Consulta' },
      });
      const activacion = new URL(enlaceActivacion(await esperarCorreo(email))).searchParams.get('token');
      const r = await fetch(`${BASE_URL}/api/v1/auth/activar`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: activacion, password: inicial }),
      });
      assert.equal(r.status, 204, await r.text());

      const pagina = await nuevaPagina(navegador);
      await conCaptura(t, pagina, async () => {
        await pagina.goto('/login');
        await pagina.getByLabel('E-mail', { exact: true }).fill(email);
        await pagina.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
        await pagina.waitForURL('**/recuperar**');
        assert.equal(await pagina.getByLabel('E-mail', { exact: true }).inputValue(), email);
        await pagina.getByRole('button', { name: 'Enviar enlace' }).click();
        await pagina.getByTestId('recuperar-enviado').waitFor();

        // The invitation went to the same address first: wait for the reset mail itself (the outbox job sends it).
        const correo = await esperar(
          async () => {
            const r = await fetch(`${MAILDEV_URL}/email`);
            const correos = r.ok ? await r.json() : [];
            return correos.find(
              (c) =>
                c.subject === 'Restablecer su contraseña de Cobranzas' &&
                (c.to || []).some((d) => (d.address || '').toLowerCase() === email),
            );
          },
          {
            inactivo: 120_000,
            intervalo: 1000,
            pagina: null,
            mensaje: `el correo para restablecer de ${email}`,
          },
        );
        const cuerpo = `${correo.html || ''}\n${correo.text || ''}`.replace(/&amp;/g, '&');
        const enlace = /(\/restablecer\?usuario=[^\s"'<>]+)/.exec(cuerpo)?.[1];
        assert.ok(enlace, cuerpo);

        await pagina.goto(`${BASE_URL}${enlace}`);
        await pagina.getByRole('heading', { name: 'Definir una nueva contraseña', level: 1 }).waitFor();
        await pagina.getByLabel('Nueva contraseña', { exact: true }).fill(nueva);
        await pagina.getByLabel('Confirmar contraseña', { exact: true }).fill(nueva);
        await pagina.getByRole('button', { name: 'Cambiar contraseña' }).click();
        await pagina.waitForURL('**/login**');

        await iniciarSesion(pagina, { email, password: nueva });
        const viejo = await fetch(`${BASE_URL}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password: inicial }),
        });
        assert.equal(viejo.status, 401);

        // The link was used: a second visit says so in Spanish.
        const otra = await nuevaPagina(navegador);
        await otra.goto(`${BASE_URL}${enlace}`);
        await otra.getByLabel('Nueva contraseña', { exact: true }).fill(`${nueva}b`);
        await otra.getByLabel('Confirmar contraseña', { exact: true }).fill(`${nueva}b`);
        await otra.getByRole('button', { name: 'Cambiar contraseña' }).click();
        await otra
          .getByTestId('enlace-invalido')
          .getByText(/ya se usó o venció/)
          .waitFor();
        await otra.context().close();
      });
    },
  );
});
