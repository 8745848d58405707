using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Npgsql;
using static Cobranzas.Testing.Concurrencia;

namespace Cobranzas.Clientes.Tests;

/// <summary>
/// Credit approvals decided by several approvers at the same moment: each request on its own HttpClient, all released at once.
/// The credit line is written once, and every decision that counted is recorded.
/// </summary>
public sealed class ConcurrenciaCreditoTests : PruebaClientes
{
    private static async Task<long> ContarAsync(string sql)
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand(sql, conexion);
        return (long)(await comando.ExecuteScalarAsync())!;
    }

    private static Func<Task<HttpResponseMessage>> Decision(HttpClient api, JsonNode solicitud, bool aprueba, string comentario = "Revisado") =>
        () => api.PostAsJsonAsync($"/api/v1/credito/solicitudes/{solicitud.Id()}/decision", new { aprueba, comentario });

    private async Task<JsonNode> SolicitudAsync(JsonNode s) => await (await Api.GetAsync($"/api/v1/credito/solicitudes/{s.Id()}")).JsonAsync();

    private async Task<(decimal? Limite, string? Moneda)> LineaAsync(JsonNode s)
    {
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{s["clienteId"]}")).JsonAsync();
        return ((decimal?)cliente["condiciones"]?["limiteCredito"], (string?)cliente["condiciones"]?["monedaLimite"]);
    }

    [Test]
    public async Task La_ultima_aprobacion_del_comite_dada_por_dos_aprobadores_a_la_vez_abre_la_linea_una_vez()
    {
        var s = await AprobacionesTests.SolicitudEnviadaAsync(Api, 5000m);
        var primero = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var segundo = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var tercero = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var cuarto = await Fixture.ClienteHttpAsync(Empresa, Roles.Administrador);
        await (await Decision(primero, s, true)()).JsonAsync();
        await (await Decision(segundo, s, true)()).JsonAsync();

        var respuestas = await ALaVezAsync([Decision(tercero, s, true), Decision(cuarto, s, true)]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), resumen);
        var perdedora = respuestas.Single(r => r.StatusCode != HttpStatusCode.OK);
        Assert.That((int)perdedora.StatusCode, Is.AnyOf(409, 422), resumen);
        var problema = await perdedora.ProblemaAsync((int)perdedora.StatusCode);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aprueba" }), resumen);
        Assert.That((string?)problema["detail"], Does.Contain("aprobada"), "el segundo lee la decisión del primero: " + resumen);

        var final = await SolicitudAsync(s);
        Assert.That(((string?)final["estado"], (string?)final["aprobacion"]!["estado"], (int?)final["aprobacion"]!["aprobacionesRecibidas"]),
            Is.EqualTo(("aprobada", "aprobada", 3)), final.ToJsonString());
        Assert.That(final["aprobacion"]!["decisiones"]!.AsArray().Count, Is.EqualTo(3), "la decisión que perdió no queda registrada");
        Assert.That(await ContarAsync("SELECT count(*) FROM clientes.decisiones_aprobacion"), Is.EqualTo(3L));
        Assert.That(await LineaAsync(s), Is.EqualTo(((decimal?)5000m, "UF")));
    }

    [Test]
    public async Task Dos_aprobaciones_a_la_vez_en_un_comite_que_necesita_ambas_cuentan_las_dos()
    {
        var s = await AprobacionesTests.SolicitudEnviadaAsync(Api, 5000m);
        var primero = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var segundo = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var tercero = await Fixture.ClienteHttpAsync(Empresa, Roles.Administrador);
        await (await Decision(primero, s, true)()).JsonAsync();

        var respuestas = await ALaVezAsync([Decision(segundo, s, true), Decision(tercero, s, true)]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.EqualTo(200), "ninguna aprobación se pierde: " + resumen);
        var final = await SolicitudAsync(s);
        Assert.That(((string?)final["estado"], (int?)final["aprobacion"]!["aprobacionesRecibidas"], final["aprobacion"]!["decisiones"]!.AsArray().Count),
            Is.EqualTo(("aprobada", 3, 3)), final.ToJsonString());
        Assert.That(await LineaAsync(s), Is.EqualTo(((decimal?)5000m, "UF")));
    }

    [Test]
    public async Task Aprobar_y_rechazar_a_la_vez_la_ultima_decision_deja_la_solicitud_y_la_linea_de_acuerdo()
    {
        var s = await AprobacionesTests.SolicitudEnviadaAsync(Api, 50m);
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        var respuestas = await ALaVezAsync([Decision(Api, s, true), Decision(supervisor, s, false, "Deuda DICOM vigente")]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), resumen);
        var perdedora = respuestas.Single(r => r.StatusCode != HttpStatusCode.OK);
        Assert.That((int)perdedora.StatusCode, Is.AnyOf(409, 422), resumen);
        Assert.That((string?)(await perdedora.ProblemaAsync((int)perdedora.StatusCode))["detail"], Is.Not.Empty);
        var aprobo = respuestas[0].StatusCode == HttpStatusCode.OK;
        var final = await SolicitudAsync(s);
        Assert.That(((string?)final["estado"], (string?)final["aprobacion"]!["estado"]), Is.EqualTo(aprobo ? ("aprobada", "aprobada") : ("rechazada", "rechazada")), resumen);
        Assert.That(await LineaAsync(s), Is.EqualTo(aprobo ? ((decimal?)50m, "UF") : ((decimal?)null, (string?)null)), resumen);
        Assert.That(await ContarAsync("SELECT count(*) FROM clientes.decisiones_aprobacion"), Is.EqualTo(1L), resumen);
    }
}
