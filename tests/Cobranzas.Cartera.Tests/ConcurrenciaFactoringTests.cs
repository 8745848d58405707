using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using static Cobranzas.Testing.Concurrencia;

namespace Cobranzas.Cartera.Tests;

/// <summary>Cessions and the money passed to the factor under parallel requests: a document is ceded once, a collection is passed on once.</summary>
public sealed class ConcurrenciaFactoringTests : PruebaConcurrenciaCartera
{
    private static readonly object FactorSur = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" };
    private static readonly object FactorNorte = new { nombre = "Factoring del Norte S.A.", rut = "96.515.580-5" };

    private Func<Task<HttpResponseMessage>> Ceder(JsonNode doc, object factor, DateOnly fecha) =>
        () => OtroClienteConMiToken().PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/ceder", new { factor, fecha = F(fecha) });

    private async Task<decimal> AgingTotalAsync(DateOnly corte) =>
        (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(corte)}")).JsonAsync())["total"]!;

    [Test]
    public async Task El_mismo_documento_cedido_a_la_vez_a_dos_factores_queda_cedido_una_vez_al_que_gano()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1_000_000m, Hoy.AddDays(-40), Hoy.AddDays(10)));
        await CrearDocumentoAsync(Factura(2, 300_000m, Hoy.AddDays(-40), Hoy.AddDays(10)));

        var respuestas = await ALaVezAsync([Ceder(doc, FactorSur, Hoy.AddDays(-5)), Ceder(doc, FactorNorte, Hoy.AddDays(-3))]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), resumen);
        await PerdedoraEnEspanolAsync(respuestas.Single(r => r.StatusCode != HttpStatusCode.OK));
        var ganoSur = respuestas[0].StatusCode == HttpStatusCode.OK;
        var d = await DocumentoAsync(doc);
        Assert.That(((string?)d["cesion"]!["factor"], (string?)d["cesion"]!["fecha"], (decimal)d["saldo"]!),
            Is.EqualTo((ganoSur ? "Factoring del Sur S.A." : "Factoring del Norte S.A.", F(ganoSur ? Hoy.AddDays(-5) : Hoy.AddDays(-3)), 1_000_000m)), d.ToJsonString());
        var cesiones = (await (await Api.GetAsync("/api/v1/factoring/cesiones")).JsonAsync()).AsArray();
        Assert.That(cesiones.Select(c => (string?)c!["documentoId"]), Is.EqualTo(new[] { doc.Id() }), resumen);
        Assert.That(await AgingTotalAsync(Hoy), Is.EqualTo(300_000m), "el cedido sale de la cartera propia una vez");
        Assert.That(await AgingTotalAsync(Hoy.AddDays(-6)), Is.EqualTo(1_300_000m), "antes de cualquier fecha de cesión el corte pasado no cambió");
        var fechaGanadora = ganoSur ? Hoy.AddDays(-5) : Hoy.AddDays(-3);
        Assert.That(await AgingTotalAsync(fechaGanadora.AddDays(-1)), Is.EqualTo(1_300_000m));
        Assert.That(await AgingTotalAsync(fechaGanadora), Is.EqualTo(300_000m), "el corte del día de la cesión que ganó ya no lo cuenta");
    }

    [Test]
    public async Task Diez_cesiones_identicas_a_la_vez_de_documentos_que_se_traslapan_ceden_cada_documento_una_vez()
    {
        var docs = new List<JsonNode>();
        for (var i = 1; i <= 3; i++)
            docs.Add(await CrearDocumentoAsync(Factura(i, 100_000m * i, Hoy.AddDays(-40), Hoy.AddDays(10))));

        // The factor is on file already (a first cession): each race is for a document only.
        var previa = await CrearDocumentoAsync(Factura(4, 50_000m, Hoy.AddDays(-40), Hoy.AddDays(10)));
        await (await Ceder(previa, FactorSur, Hoy.AddDays(-10))()).JsonAsync();

        // Ten requests over three documents: each document is asked for by three or four of them, same factor, same date.
        var respuestas = await ALaVezAsync(Enumerable.Range(0, 10).Select(i => Ceder(docs[i % 3], FactorSur, Hoy)).ToList());

        var resumen = await ResumenAsync(respuestas);
        var estados = respuestas.Select(r => (int)r.StatusCode).ToList();
        Assert.That(estados, Is.All.AnyOf(200, 409, 422), resumen);
        for (var k = 0; k < 3; k++)
            Assert.That(respuestas.Where((_, i) => i % 3 == k).Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), $"documento {k + 1}: " + resumen);
        foreach (var perdedora in respuestas.Where(r => r.StatusCode != HttpStatusCode.OK))
            await PerdedoraEnEspanolAsync(perdedora);
        var cesiones = (await (await Api.GetAsync("/api/v1/factoring/cesiones")).JsonAsync()).AsArray();
        Assert.That(cesiones.Select(c => (string?)c!["documentoId"]).Order(), Is.EqualTo(docs.Append(previa).Select(d => d.Id()).Order()));
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.factores"), Is.EqualTo(1L), "el factor nuevo se registra una vez");
        Assert.That(await AgingTotalAsync(Hoy), Is.EqualTo(0m));
        Assert.That(await AgingTotalAsync(Hoy.AddDays(-1)), Is.EqualTo(600_000m));
    }

    [Test]
    public async Task Cesiones_a_la_vez_de_documentos_distintos_a_un_factor_nuevo_registran_un_solo_factor_y_ceden_todos()
    {
        var docs = new List<JsonNode>();
        for (var i = 1; i <= 4; i++)
            docs.Add(await CrearDocumentoAsync(Factura(i, 100_000m * i, Hoy.AddDays(-40), Hoy.AddDays(10))));

        var respuestas = await ALaVezAsync(docs.Select(d => Ceder(d, FactorNorte, Hoy.AddDays(-2))).ToList());

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK), resumen);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.factores"), Is.EqualTo(1L), "el factor nuevo se registra una vez");
        var factores = (await (await Api.GetAsync("/api/v1/factoring/factores")).JsonAsync()).AsArray();
        Assert.That(factores.Select(f => ((string?)f!["nombre"], (int?)f["documentosCedidos"])), Is.EqualTo(new[] { ((string?)"Factoring del Norte S.A.", (int?)4) }));
        Assert.That(await AgingTotalAsync(Hoy), Is.EqualTo(0m));
        Assert.That(await AgingTotalAsync(Hoy.AddDays(-3)), Is.EqualTo(1_000_000m), "el corte anterior a la cesión no cambió");
    }

    [Test]
    public async Task Dos_transferencias_a_la_vez_del_mismo_cobro_delegado_pasan_el_dinero_una_vez()
    {
        var cedida = await CrearDocumentoAsync(Factura(1, 1_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{cedida.Id()}/ceder", new { factor = FactorSur, fecha = F(Hoy.AddDays(-20)) })).JsonAsync();
        await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{cedida.Id()}/condiciones", new { responsabilidadSolidaria = true, administracionDelegada = true })).JsonAsync();
        await PagarAsync(300m, Hoy.AddDays(-2), [new { documentoId = cedida.Id(), monto = 300m }]);
        await PagarAsync(200m, Hoy.AddDays(-1), [new { documentoId = cedida.Id(), monto = 200m }]);
        var factor = (await (await Api.GetAsync("/api/v1/factoring/factores")).JsonAsync()).AsArray().Single()!;
        Assert.That((decimal?)factor["porTransferir"], Is.EqualTo(500m));

        var respuestas = await ALaVezAsync(Enumerable.Range(0, 3).Select(i => (Func<Task<HttpResponseMessage>>)(() =>
            OtroClienteConMiToken().PostAsJsonAsync("/api/v1/factoring/transferencias", new { factorId = factor.Id(), fecha = F(Hoy), moneda = "CLP", referencia = $"TEF {i}" }))).ToList());

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1), resumen);
        foreach (var perdedora in respuestas.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.That(perdedora.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), resumen);
            await PerdedoraEnEspanolAsync(perdedora);
            Assert.That(await perdedora.Content.ReadAsStringAsync(), Does.Contain("factorId").And.Contain("No hay cobros"));
        }

        var transferencias = (await (await Api.GetAsync($"/api/v1/factoring/transferencias?factorId={factor.Id()}")).JsonAsync()).AsArray();
        Assert.That(transferencias.Select(t => ((decimal?)t!["monto"], t["lineas"]!.AsArray().Count)), Is.EqualTo(new[] { ((decimal?)500m, 2) }), resumen);
        Assert.That(await EscalarAsync<decimal>("SELECT COALESCE(sum(monto), 0) FROM cartera.transferencias_factor_lineas"), Is.EqualTo(500m));
        Assert.That((decimal?)(await (await Api.GetAsync("/api/v1/factoring/factores")).JsonAsync()).AsArray().Single()!["porTransferir"], Is.EqualTo(0m));
        Assert.That(await SaldoAsync(cedida), Is.EqualTo(500m), "transferir no toca el saldo del documento");
    }
}
