using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using static Cobranzas.Testing.Concurrencia;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Write-offs and their recoveries under parallel requests: each request on its own HttpClient, all released at once,
/// so the host runs them side by side against the same PostgreSQL rows.
/// </summary>
public sealed class ConcurrenciaCastigosTests : PruebaConcurrenciaCartera
{
    private async Task UfAsync() =>
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(HttpStatusCode.NoContent);

    private async Task CerrarQuiebraAsync() =>
        await (await Api.PutAsJsonAsync($"/api/v1/judicial/clientes/{ClienteId}/quiebra", new
        {
            procedimiento = "liquidacion", fechaPublicacion = F(Hoy.AddDays(-300)), liquidador = "Pedro Rojas", fechaCierre = F(Hoy.AddDays(-10)),
        })).JsonAsync();

    private async Task<JsonNode> VencidaAsync(long folio, decimal total, int diasVencida) =>
        await CrearDocumentoAsync(Factura(folio, total, Hoy.AddDays(-diasVencida - 30), Hoy.AddDays(-diasVencida)));

    private async Task<decimal> AgingTotalAsync() =>
        (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}")).JsonAsync())["total"]!;

    /// <summary>Two write-off-able documents (4,000,000 CLP = 100 UF, one supervisor approval) plus one current, and the proposal of the two.</summary>
    private async Task<(JsonNode Propuesta, JsonNode[] Documentos)> PropuestaDelSupervisorAsync()
    {
        await UfAsync();
        await CerrarQuiebraAsync();
        var a = await VencidaAsync(11, 2_500_000m, 400);
        var b = await VencidaAsync(12, 1_500_000m, 500);
        await VencidaAsync(13, 700_000m, 10);
        var p = await (await Api.PostAsJsonAsync("/api/v1/castigos/propuestas", new { documentoIds = new[] { a.Id(), b.Id() }, motivo = "Incobrable tras liquidación" }))
            .JsonAsync(201);
        Assert.That((int)p["aprobacion"]!["aprobacionesRequeridas"]!, Is.EqualTo(1));
        return (p, [a, b]);
    }

    private static Func<Task<HttpResponseMessage>> Decision(HttpClient api, JsonNode propuesta, bool aprobar, string? comentario = null) =>
        () => api.PostAsJsonAsync($"/api/v1/castigos/propuestas/{propuesta.Id()}/decision", new { aprobar, comentario });

    private async Task<(decimal Saldo, string Estado, decimal? Castigo)> EstadoAsync(JsonNode doc)
    {
        var d = await DocumentoAsync(doc);
        return ((decimal)d["saldo"]!, (string)d["estado"]!, (decimal?)d["castigo"]?["monto"]);
    }

    [Test]
    public async Task La_misma_propuesta_aprobada_dos_veces_a_la_vez_castiga_una_sola_vez_y_el_dinero_cuadra()
    {
        var (p, docs) = await PropuestaDelSupervisorAsync();
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var antes = await AgingTotalAsync();

        var respuestas = await ALaVezAsync([Decision(OtroClienteConMiToken(), p, true, "Sin bienes"), Decision(supervisor, p, true, "Sin bienes")]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), resumen);
        await PerdedoraEnEspanolAsync(respuestas.Single(r => r.StatusCode != HttpStatusCode.OK));
        var ganadora = await respuestas.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync();
        Assert.That(((string)ganadora["estado"]!, (string)ganadora["fechaCastigo"]!), Is.EqualTo(("castigada", F(Hoy))));

        Assert.That(await EstadoAsync(docs[0]), Is.EqualTo((0m, "castigado", (decimal?)2_500_000m)));
        Assert.That(await EstadoAsync(docs[1]), Is.EqualTo((0m, "castigado", (decimal?)1_500_000m)));
        var despues = await AgingTotalAsync();
        Assert.That((antes, despues), Is.EqualTo((4_700_000m, 700_000m)), "Σ antes = Σ después + castigado, una sola vez.");
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.propuestas_castigo WHERE estado = 'castigada'"), Is.EqualTo(1L));
        Assert.That(await EscalarAsync<decimal>("SELECT sum(monto_provision + monto_gasto) FROM cartera.propuestas_castigo"), Is.EqualTo(4_000_000m),
            "un solo asiento, por lo castigado");
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM clientes.decisiones_aprobacion"), Is.EqualTo(1L), "solo la decisión que ganó queda registrada");
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM clientes.aprobaciones WHERE estado = 'aprobada' AND aprobaciones_recibidas = 1"), Is.EqualTo(1L));
    }

    [Test]
    public async Task Aprobar_y_rechazar_a_la_vez_la_misma_propuesta_deja_la_aprobacion_y_los_documentos_de_acuerdo()
    {
        var (p, docs) = await PropuestaDelSupervisorAsync();
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        var respuestas = await ALaVezAsync([Decision(OtroClienteConMiToken(), p, true, "Sin bienes"), Decision(supervisor, p, false, "Falta el certificado del liquidador")]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), resumen);
        await PerdedoraEnEspanolAsync(respuestas.Single(r => r.StatusCode != HttpStatusCode.OK));
        var aprobo = respuestas[0].StatusCode == HttpStatusCode.OK;
        var propuesta = await (await Api.GetAsync($"/api/v1/castigos/propuestas/{p.Id()}")).JsonAsync();
        Assert.That(((string)propuesta["estado"]!, (string)propuesta["aprobacion"]!["estado"]!),
            Is.EqualTo(aprobo ? ("castigada", "aprobada") : ("rechazada", "rechazada")), resumen);
        Assert.That(await EstadoAsync(docs[0]), Is.EqualTo(aprobo ? (0m, "castigado", (decimal?)2_500_000m) : (2_500_000m, "vencido", (decimal?)null)), resumen);
        Assert.That(await AgingTotalAsync(), Is.EqualTo(aprobo ? 700_000m : 4_700_000m), resumen);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM clientes.decisiones_aprobacion"), Is.EqualTo(1L), resumen);
    }

    [Test]
    public async Task Cinco_recuperos_a_la_vez_que_suman_mas_que_lo_castigado_nunca_pasan_el_castigo()
    {
        var doc = await VencidaAsync(51, 900_000m, 400);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(Hoy.AddDays(-30)), motivo = "Incobrable" })).JsonAsync();

        var respuestas = await ALaVezAsync(Enumerable.Range(1, 5).Select(i => (Func<Task<HttpResponseMessage>>)(() =>
            OtroClienteConMiToken().PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy), monto = 300_000m, referencia = $"TRF-{i}" }))).ToList());

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.AnyOf(201, 422), resumen);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(3), resumen);
        foreach (var rechazo in respuestas.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problema = await rechazo.ProblemaAsync(422);
            Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "monto" }));
            Assert.That((string?)problema["errors"]!["monto"]![0], Does.Contain("supera lo que queda por recuperar del castigo (0 de 900"));
        }

        Assert.That(await EscalarAsync<decimal>("SELECT sum(monto) FROM cartera.recuperos_castigo WHERE documento_id = @d", ("d", Guid.Parse(doc.Id()))), Is.EqualTo(900_000m));
        Assert.That(await EstadoAsync(doc), Is.EqualTo((0m, "castigado", (decimal?)900_000m)), "los recuperos no reabren el documento");
    }

    [Test]
    public async Task Dos_recuperos_a_la_vez_que_juntos_pasan_el_castigo_uno_entra_y_el_otro_recibe_422()
    {
        var doc = await VencidaAsync(52, 900_000m, 400);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(Hoy.AddDays(-30)), motivo = "Incobrable" })).JsonAsync();
        var filas = await Fixture.ContarFilasAsync();

        var respuestas = await ALaVezAsync([
            () => OtroClienteConMiToken().PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy), monto = 600_000m, referencia = "A" }),
            () => OtroClienteConMiToken().PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy.AddDays(-1)), monto = 500_000m, referencia = "B" }),
        ]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 201, 422 }), resumen);
        Assert.That((await respuestas.Single(r => (int)r.StatusCode == 422).ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "monto" }));
        var ganadora = respuestas[0].StatusCode == HttpStatusCode.Created ? 600_000m : 500_000m;
        Assert.That(await EscalarAsync<decimal>("SELECT sum(monto) FROM cartera.recuperos_castigo"), Is.EqualTo(ganadora), resumen);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.recuperos_castigo"), Is.EqualTo(1L));
        var despues = await Fixture.ContarFilasAsync();
        Assert.That(despues["cartera.recuperos_castigo"], Is.EqualTo(filas["cartera.recuperos_castigo"] + 1));
    }

    [Test]
    public async Task Dos_reversas_a_la_vez_del_mismo_recupero_devuelven_su_dinero_al_pago_una_sola_vez()
    {
        var doc = await VencidaAsync(53, 900_000m, 400);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(Hoy.AddDays(-30)), motivo = "Incobrable" })).JsonAsync();
        var pago = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy.AddDays(-2)), monto = 500_000m, moneda = "CLP", canal = "transferencia", aplicacion = "manual",
            aplicaciones = new[] { new { documentoId = doc.Id(), monto = 400_000m } },
        })).JsonAsync(201);
        var recuperoId = (string)pago["recuperos"]![0]!["id"]!;

        var respuestas = await ALaVezAsync([
            () => OtroClienteConMiToken().PostAsJsonAsync($"/api/v1/castigos/recuperos/{recuperoId}/reversar", new { motivo = "A", fecha = F(Hoy) }),
            () => OtroClienteConMiToken().PostAsJsonAsync($"/api/v1/castigos/recuperos/{recuperoId}/reversar", new { motivo = "B", fecha = F(Hoy.AddDays(-1)) }),
        ]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 200, 422 }), resumen);
        Assert.That((await respuestas.Single(r => (int)r.StatusCode == 422).ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "id" }));
        var ganadora = respuestas[0].StatusCode == HttpStatusCode.OK ? ("A", Hoy) : ("B", Hoy.AddDays(-1));
        Assert.That(await EscalarAsync<decimal>("SELECT saldo FROM cartera.pagos WHERE id = @p", ("p", Guid.Parse(pago.Id()))), Is.EqualTo(500_000m), resumen);
        Assert.That(await EscalarAsync<string>("SELECT motivo_reversa FROM cartera.recuperos_castigo WHERE id = @r", ("r", Guid.Parse(recuperoId))), Is.EqualTo(ganadora.Item1));
        Assert.That(await EscalarAsync<string>("SELECT fecha_reversa::text FROM cartera.recuperos_castigo WHERE id = @r", ("r", Guid.Parse(recuperoId))), Is.EqualTo(F(ganadora.Item2)));
    }
}
