using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.Usuarios;

public sealed partial class InvitacionTests : PruebaApi
{
    [GeneratedRegex(@"/activar\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex EnlaceActivacion();

    [Test]
    public async Task Invitacion_llega_por_smtp_y_el_enlace_activa_la_cuenta()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var email = Fixture.EmailUnico("nuevo.cobrador", "ferreteriaaustral.test");

        var invitado = await (await admin.PostAsJsonAsync("/api/v1/usuarios/invitaciones", new { email, nombre = "Juan Soto", rol = "Cobrador" })).JsonAsync(201);
        Assert.That((bool?)invitado["invitacionPendiente"], Is.True);

        var correo = await Fixture.Correo.EsperarCorreoAsync(email);
        Assert.That(correo.Asunto, Does.Contain("Ferretería Austral"));
        Assert.That(correo.Html, Does.Contain($"{ApiFactory.UrlPublica}/activar?token="));
        var token = EnlaceActivacion().Match(correo.Texto).Groups[1].Value;
        Assert.That(token, Is.Not.Empty, correo.Texto);

        var invitacion = await (await Fixture.ClienteAnonimo().GetAsync($"/api/v1/auth/invitaciones/{token}")).JsonAsync();
        Assert.That((string?)invitacion["email"], Is.EqualTo(email));
        Assert.That((string?)invitacion["empresa"], Is.EqualTo("Ferretería Austral"));

        var debil = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/activar", new { token, password = "corta" })).ProblemaAsync(400);
        Assert.That(debil.CamposConError(), Does.Contain("password"));

        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/activar", new { token, password = "Cobrador-Seguro-2026" })).TextoAsync(204);

        var sesion = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Cobrador-Seguro-2026" })).JsonAsync();
        Assert.That((string?)sesion["rol"], Is.EqualTo("Cobrador"));
        Assert.That((string?)sesion["empresa"]!["id"], Is.EqualTo(empresa.Id.ToString()));

        var usuarios = await (await admin.GetAsync("/api/v1/usuarios")).JsonAsync();
        var activado = usuarios.AsArray().Single(u => (string?)u!["email"] == email)!;
        Assert.That((bool?)activado["invitacionPendiente"], Is.False);
    }

    [Test]
    public async Task Enlace_de_invitacion_sirve_una_sola_vez()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var email = Fixture.EmailUnico("supervisora", "ferreteriaaustral.test");
        await (await admin.PostAsJsonAsync("/api/v1/usuarios/invitaciones", new { email, nombre = "Ana Rojas", rol = "Supervisor" })).JsonAsync(201);
        var token = EnlaceActivacion().Match((await Fixture.Correo.EsperarCorreoAsync(email)).Texto).Groups[1].Value;
        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/activar", new { token, password = "Supervisora-2026" })).TextoAsync(204);

        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/activar", new { token, password = "Otra-Clave-2026" })).ProblemaAsync(404);
        await (await Fixture.ClienteAnonimo().GetAsync($"/api/v1/auth/invitaciones/{token}")).ProblemaAsync(404);
    }

    [Test]
    public async Task Enlace_de_invitacion_vence_a_los_siete_dias()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var email = Fixture.EmailUnico("consulta", "ferreteriaaustral.test");
        await (await admin.PostAsJsonAsync("/api/v1/usuarios/invitaciones", new { email, nombre = "Pedro Díaz", rol = "Consulta" })).JsonAsync(201);
        var token = EnlaceActivacion().Match((await Fixture.Correo.EsperarCorreoAsync(email)).Texto).Groups[1].Value;

        Fixture.Reloj.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/activar", new { token, password = "Consulta-2026" })).ProblemaAsync(404);
    }

    [Test]
    public async Task Invitar_a_quien_ya_es_usuario_de_la_empresa_responde_409()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);

        var problema = await (await admin.PostAsJsonAsync("/api/v1/usuarios/invitaciones", new { email = empresa.EmailAdmin, nombre = "Otra vez", rol = "Cobrador" }))
            .ProblemaAsync(409);

        Assert.That(problema.CamposConError(), Does.Contain("email"));
    }
}
