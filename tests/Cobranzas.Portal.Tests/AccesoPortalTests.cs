using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Npgsql;

namespace Cobranzas.Portal.Tests;

/// <summary>Access without a password: a link by e-mail, single-use and short-lived, a session that expires, an inactive contact out at once.</summary>
public sealed class AccesoPortalTests : PruebaPortal
{
    private static async Task<long> ContarAsync(string tabla)
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {tabla}", conexion);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Un_contacto_registrado_recibe_un_enlace_que_abre_la_sesion_de_su_cliente()
    {
        var token = await TokenPorCorreoAsync();

        var sesion = await (await AbrirSesionAsync(token)).JsonAsync();
        Assert.That((string)sesion["empresa"]!, Is.EqualTo(Empresa.RazonSocial));
        var portal = Portal((string)sesion["token"]!);
        var resumen = await (await portal.GetAsync("/api/v1/portal/resumen")).JsonAsync();
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync();
        Assert.That((string)resumen["razonSocialCliente"]!, Is.EqualTo((string)cliente["razonSocial"]!));
        Assert.That((string)resumen["contacto"]!, Is.EqualTo("María Pérez"));
        Assert.That((string)resumen["empresa"]!["razonSocial"]!, Is.EqualTo(Empresa.RazonSocial));
        // Only the hash is stored.
        Assert.That(await ContarAsync($"portal.enlaces_acceso WHERE token_hash = '{token}'"), Is.Zero);
        Assert.That(await ContarAsync("portal.enlaces_acceso"), Is.EqualTo(1));
    }

    [Test]
    public async Task El_enlace_sirve_una_sola_vez()
    {
        var token = await TokenPorCorreoAsync();
        await (await AbrirSesionAsync(token)).JsonAsync();

        var segunda = await AbrirSesionAsync(token);

        await segunda.ProblemaAsync(401);
        Assert.That(await ContarAsync("portal.sesiones"), Is.EqualTo(1));
    }

    [Test]
    public async Task El_enlace_vencido_no_abre_sesion()
    {
        var token = await TokenPorCorreoAsync();
        Fixture.Reloj.Advance(TimeSpan.FromMinutes(31));

        await (await AbrirSesionAsync(token)).ProblemaAsync(401);
        Assert.That(await ContarAsync("portal.sesiones"), Is.Zero);
    }

    [Test]
    public async Task Un_token_inventado_no_abre_sesion()
    {
        await (await AbrirSesionAsync("x" + new string('A', 42))).ProblemaAsync(401);
        await (await Portal("inventado").GetAsync("/api/v1/portal/resumen")).EsperarAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task La_sesion_vence_y_se_puede_cerrar()
    {
        var portal = await SesionAsync();
        await (await portal.GetAsync("/api/v1/portal/resumen")).JsonAsync();
        Fixture.Reloj.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await (await portal.GetAsync("/api/v1/portal/resumen")).EsperarAsync(HttpStatusCode.Unauthorized);

        var otra = await SesionAsync();
        await (await otra.PostAsync("/api/v1/portal/sesion/cerrar", null)).EsperarAsync(HttpStatusCode.NoContent);
        await (await otra.GetAsync("/api/v1/portal/resumen")).EsperarAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Pedir_acceso_responde_lo_mismo_exista_o_no_el_correo_y_solo_el_contacto_recibe_correo()
    {
        var desconocido = Fixture.EmailUnico("nadie", "cliente.test");
        var otraEmpresa = Datos.RutNuevo();

        var conocida = await PedirAccesoAsync(Email, Empresa.Rut);
        var noConocida = await PedirAccesoAsync(desconocido, Empresa.Rut);
        var sinEmpresa = await PedirAccesoAsync(Email, otraEmpresa);
        var rutFormateado = await PedirAccesoAsync(desconocido.ToUpperInvariant(), Empresa.Rut);

        var cuerpos = new List<string>();
        foreach (var r in new[] { conocida, noConocida, sinEmpresa, rutFormateado })
        {
            Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(r.Headers.Location, Is.Null);
            cuerpos.Add(await r.Content.ReadAsStringAsync());
        }

        Assert.That(cuerpos.Distinct().ToList(), Has.Count.EqualTo(1));
        await DrenarAsync();
        await Fixture.Correo.EsperarCorreoAsync(Email);
        Assert.That(await Fixture.Correo.CorreosParaAsync(desconocido), Is.Empty);
        Assert.That(await Fixture.Correo.CorreosParaAsync(Email), Has.Count.EqualTo(1));
        Assert.That(await ContarAsync("portal.enlaces_acceso"), Is.EqualTo(1));
    }

    [Test]
    public async Task Un_contacto_desactivado_pierde_el_acceso_de_inmediato()
    {
        var portal = await SesionAsync();
        await (await portal.GetAsync("/api/v1/portal/resumen")).JsonAsync();

        var contacto = await (await Api.PostAsync($"/api/v1/clientes/{ClienteId}/contactos/{ContactoId}/desactivar", null)).JsonAsync();

        Assert.That((bool)contacto["activo"]!, Is.False);
        await (await portal.GetAsync("/api/v1/portal/resumen")).EsperarAsync(HttpStatusCode.Unauthorized);
        await (await PedirAccesoAsync(Email, Empresa.Rut)).TextoAsync(202);
        await DrenarAsync();
        Assert.That(await Fixture.Correo.CorreosParaAsync(Email), Has.Count.EqualTo(1), "Sólo el enlace de antes de desactivarlo.");
    }

    [Test]
    public async Task Un_contacto_reactivado_vuelve_a_recibir_enlace_y_a_entrar()
    {
        await (await Api.PostAsync($"/api/v1/clientes/{ClienteId}/contactos/{ContactoId}/desactivar", null)).JsonAsync();

        var contacto = await (await Api.PostAsync($"/api/v1/clientes/{ClienteId}/contactos/{ContactoId}/activar", null)).JsonAsync();

        Assert.That((bool)contacto["activo"]!, Is.True);
        var lista = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/contactos")).JsonAsync();
        Assert.That(lista.AsArray().Select(c => (bool)c!["activo"]!), Is.EqualTo(new[] { true }));
        var portal = await SesionAsync();
        await (await portal.GetAsync("/api/v1/portal/resumen")).JsonAsync();
    }

    [Test]
    public async Task Consulta_no_puede_desactivar_ni_reactivar_un_contacto()
    {
        var consulta = await Fixture.ClienteHttpAsync(Empresa, Roles.Consulta);

        await (await consulta.PostAsync($"/api/v1/clientes/{ClienteId}/contactos/{ContactoId}/desactivar", null)).EsperarAsync(HttpStatusCode.Forbidden);
        await (await Api.PostAsync($"/api/v1/clientes/{ClienteId}/contactos/{ContactoId}/desactivar", null)).JsonAsync();
        await (await consulta.PostAsync($"/api/v1/clientes/{ClienteId}/contactos/{ContactoId}/activar", null)).EsperarAsync(HttpStatusCode.Forbidden);

        var lista = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/contactos")).JsonAsync();
        Assert.That(lista.AsArray().Select(c => (bool)c!["activo"]!), Is.EqualTo(new[] { false }));
    }

    [Test]
    public async Task Un_enlace_pedido_antes_de_desactivar_el_contacto_no_abre_sesion()
    {
        var token = await TokenPorCorreoAsync();
        await (await Api.PostAsync($"/api/v1/clientes/{ClienteId}/contactos/{ContactoId}/desactivar", null)).JsonAsync();

        await (await AbrirSesionAsync(token)).ProblemaAsync(401);
    }

    [Test]
    public async Task Una_sesion_del_portal_no_sirve_en_los_endpoints_del_personal_y_un_token_del_personal_no_sirve_en_el_portal()
    {
        var portal = await SesionAsync();

        await (await portal.GetAsync("/api/v1/clientes")).EsperarAsync(HttpStatusCode.Unauthorized);
        await (await portal.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta")).EsperarAsync(HttpStatusCode.Unauthorized);
        await (await portal.GetAsync("/api/v1/auth/sesion")).EsperarAsync(HttpStatusCode.Unauthorized);
        await (await Api.GetAsync("/api/v1/portal/resumen")).EsperarAsync(HttpStatusCode.Unauthorized);
        var apiKey = await Fixture.ClienteConApiKeyAsync(Empresa, "lectura");
        await (await apiKey.GetAsync("/api/v1/portal/estado-cuenta")).EsperarAsync(HttpStatusCode.Unauthorized);
    }

    [TestCase("/api/v1/portal/acceso", "email")]
    [TestCase("/api/v1/portal/acceso", "empresa")]
    [TestCase("/api/v1/portal/sesion", "token")]
    public async Task Un_nul_en_un_campo_publico_da_400(string ruta, string campo)
    {
        var cuerpo = new JsonObject { ["email"] = Email, ["empresa"] = Empresa.Rut, ["token"] = "abc" };
        cuerpo[campo] = "a\0b";

        var r = await Fixture.ClienteAnonimo().PostAsJsonAsync(ruta, cuerpo);

        await r.ProblemaAsync(400);
    }
}
