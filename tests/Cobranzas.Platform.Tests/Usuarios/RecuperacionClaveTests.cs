using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cobranzas.Platform.Correo;
using Cobranzas.Testing;
using Cobranzas.Testing.Infraestructura;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranzas.Platform.Tests.Usuarios;

/// <summary>"¿Olvidó su contraseña?": the reset link goes through the outbox and real SMTP (maildev).</summary>
public sealed partial class RecuperacionClaveTests : PruebaApi
{
    [GeneratedRegex(@"/restablecer\?usuario=([^&\s]+)&token=([A-Za-z0-9_\-]+)")]
    private static partial Regex EnlaceRestablecer();

    private static Task<int> DespacharAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<DespachadorCorreos>().EnviarPendientesAsync(CancellationToken.None));

    private static async Task<(string Usuario, string Token, CorreoRecibido Correo)> PedirEnlaceAsync(string email)
    {
        var r = await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/recuperar-clave", new { email });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await r.Content.ReadAsStringAsync());
        await DespacharAsync();
        var correo = await Fixture.Correo.EsperarCorreoAsync(email);
        var m = EnlaceRestablecer().Match(correo.Texto);
        Assert.That(m.Success, Is.True, correo.Texto);
        return (Uri.UnescapeDataString(m.Groups[1].Value), m.Groups[2].Value, correo);
    }

    [Test]
    public async Task El_enlace_llega_por_smtp_cambia_la_contrasena_y_cierra_las_sesiones_abiertas()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Maule");
        var sesionAbierta = await Fixture.ClienteHttpAsync(empresa);
        await (await sesionAbierta.GetAsync("/api/v1/auth/sesion")).JsonAsync();

        var (usuario, token, correo) = await PedirEnlaceAsync(empresa.EmailAdmin);
        Assert.That(correo.Asunto, Is.EqualTo("Restablecer su contraseña de Cobranzas"));
        Assert.That(correo.Html, Does.Contain($"{ApiFactory.UrlPublica}/restablecer?usuario="));
        Assert.That(correo.Texto, Does.Contain("vence en 60 minutos"));

        var debil = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/restablecer-clave", new { usuario, token, password = "corta" })).ProblemaAsync(400);
        Assert.That(debil.CamposConError(), Does.Contain("password"));

        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/restablecer-clave", new { usuario, token, password = "Nueva-Clave-Maule-2026" })).TextoAsync(204);

        await (await sesionAbierta.GetAsync("/api/v1/auth/sesion")).ProblemaAsync(401);
        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = empresa.Password })).ProblemaAsync(401);
        var sesion = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = "Nueva-Clave-Maule-2026" })).JsonAsync();
        Assert.That((string?)sesion["empresa"]!["id"], Is.EqualTo(empresa.Id.ToString()));
    }

    [Test]
    public async Task El_enlace_sirve_una_sola_vez()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Maule");
        var (usuario, token, _) = await PedirEnlaceAsync(empresa.EmailAdmin);
        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/restablecer-clave", new { usuario, token, password = "Primera-Clave-2026" })).TextoAsync(204);

        var otraVez = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/restablecer-clave", new { usuario, token, password = "Segunda-Clave-2026" })).ProblemaAsync(400);
        Assert.That(otraVez.CamposConError(), Does.Contain("token"));
        Assert.That((string?)otraVez["errors"]!["token"]![0], Does.Contain("ya se usó o venció"));
        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = "Primera-Clave-2026" })).JsonAsync();
    }

    /// <remarks>
    /// Identity's <c>DataProtectorTokenProvider</c> checks the token's age on the system clock, not on the host's
    /// <c>TimeProvider</c>, so the fake clock cannot age it: the test pins the configured lifespan the mail promises.
    /// </remarks>
    [Test]
    public async Task El_enlace_vence_en_una_hora()
    {
        var vida = await Fixture.EnAmbitoAsync(sp => Task.FromResult(sp.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan));
        Assert.That(vida, Is.EqualTo(TimeSpan.FromHours(1)));
        var proveedor = await Fixture.EnAmbitoAsync(sp => Task.FromResult(sp.GetRequiredService<IOptions<IdentityOptions>>().Value.Tokens.PasswordResetTokenProvider));
        Assert.That(proveedor, Is.EqualTo(TokenOptions.DefaultProvider));
    }

    [Test]
    public async Task Un_token_alterado_o_de_otro_usuario_no_sirve()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Maule");
        var otra = await Fixture.CrearEmpresaAsync("Comercial Chiloé");
        var (usuario, token, _) = await PedirEnlaceAsync(empresa.EmailAdmin);
        var (usuarioOtro, _, _) = await PedirEnlaceAsync(otra.EmailAdmin);

        var alterado = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        foreach (var (u, t) in new[] { (usuario, alterado), (usuarioOtro, token), (usuario, "no-es-base64!"), (Guid.NewGuid().ToString(), token) })
        {
            var p = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/restablecer-clave", new { usuario = u, token = t, password = "Intento-Clave-2026" })).ProblemaAsync(400);
            Assert.That(p.CamposConError(), Does.Contain("token"));
        }

        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = otra.EmailAdmin, password = otra.Password })).JsonAsync();
    }

    [Test]
    public async Task Un_email_sin_cuenta_recibe_la_misma_respuesta_y_ningun_correo()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Maule");
        var inexistente = Fixture.EmailUnico("nadie", "maule.test");

        var conCuenta = await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/recuperar-clave", new { email = empresa.EmailAdmin });
        var sinCuenta = await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/recuperar-clave", new { email = inexistente });
        Assert.That(sinCuenta.StatusCode, Is.EqualTo(conCuenta.StatusCode));
        Assert.That(sinCuenta.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await sinCuenta.Content.ReadAsStringAsync(), Is.EqualTo(await conCuenta.Content.ReadAsStringAsync()));

        await DespacharAsync();
        await Fixture.Correo.EsperarCorreoAsync(empresa.EmailAdmin);
        Assert.That(await Fixture.Correo.CorreosParaAsync(inexistente), Is.Empty);
    }
}
