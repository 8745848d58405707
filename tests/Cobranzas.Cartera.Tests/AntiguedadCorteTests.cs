using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The aging starts from today's balances and undoes what happened after the cut-off; these are the cases where
/// that could go wrong. The cut-off is ten days ago; every amount is checked at the cut-off and today.
/// </summary>
public sealed class AntiguedadCorteTests : PruebaCartera
{
    private DateOnly Corte => Hoy.AddDays(-10);

    private DateOnly Emision => Corte.AddDays(-300);

    private static decimal[] Tramos(JsonNode nodo) => nodo.AsArray().Select(t => (decimal)t!["monto"]!).ToArray();

    private async Task<JsonNode> AntiguedadAsync(DateOnly? corte = null) =>
        await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa{(corte is { } c ? $"&fechaCorte={F(c)}" : "")}")).JsonAsync();

    private async Task<JsonNode> EstadoCuentaAsync(DateOnly corte) =>
        await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(corte)}")).JsonAsync();

    private static object[] Linea(JsonNode doc, decimal monto) => [new { documentoId = doc.Id(), monto }];

    private async Task ReversarAsync(JsonNode pago) =>
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{pago["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Error de imputación" })).JsonAsync();

    private async Task<JsonNode> AccionAsync(JsonNode doc, string accion, object cuerpo) =>
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/{accion}", cuerpo)).JsonAsync();

    private static IEnumerable<(long Folio, decimal Saldo)> Documentos(JsonNode estado) =>
        estado["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["saldo"]!));

    [Test]
    public async Task El_detalle_de_un_tramo_lista_los_documentos_que_estaban_en_el_al_corte()
    {
        var pagadoAntes = await CrearDocumentoAsync(Factura(1, 1000m, Emision, Corte.AddDays(-100)));
        await PagarAsync(1000m, Corte.AddDays(-1), Linea(pagadoAntes, 1000m));
        var pagadoDespues = await CrearDocumentoAsync(Factura(2, 2000m, Emision, Corte.AddDays(-100)));
        await PagarAsync(500m, Corte.AddDays(-2), Linea(pagadoDespues, 500m));
        await PagarAsync(1500m, Corte.AddDays(3), Linea(pagadoDespues, 1500m));
        await CrearDocumentoAsync(Factura(3, 4000m, Emision, Corte.AddDays(-95)));
        await CrearDocumentoAsync(Factura(4, 8000m, Emision, Corte.AddDays(-40)));
        var castigado = await CrearDocumentoAsync(Factura(5, 300m, Emision, Corte.AddDays(-100)));
        await AccionAsync(castigado, "castigar", new { fecha = F(Corte.AddDays(-1)), motivo = "Incobrable" });

        async Task<(long[] Folios, decimal Saldos)> TramoAsync(string consulta)
        {
            var pagina = await (await Api.GetAsync($"/api/v1/documentos?tramo=91-120&{consulta}")).JsonAsync();
            var items = pagina["items"]!.AsArray();
            return (items.Select(d => (long)d!["folio"]!).Order().ToArray(), items.Sum(d => (decimal)d!["total"]!));
        }

        var alCorte = await TramoAsync($"fechaCorte={F(Corte)}");
        var delCliente = await TramoAsync($"fechaCorte={F(Corte)}&clienteId={ClienteId}");
        var hoy = await TramoAsync("");
        var aging = await AntiguedadAsync(Corte);

        Assert.That(alCorte.Folios, Is.EqualTo(new[] { 2L, 3L }));
        Assert.That(delCliente.Folios, Is.EqualTo(new[] { 2L, 3L }));
        Assert.That(hoy.Folios, Is.EqualTo(new[] { 3L }));
        // The bucket's amount at the cut-off is what those documents owed then: 1500 of folio 2 and 4000 of folio 3.
        Assert.That(Tramos(aging["totales"]!)[4], Is.EqualTo(5500m));
    }

    [Test]
    public async Task Reversas_y_protestos_posteriores_al_corte_se_deshacen_peso_a_peso()
    {
        // A: 100 paid before the cut-off (counts); 400 paid after it and reversed today (never counts).
        var a = await CrearDocumentoAsync(Factura(1, 1000m, Emision, Corte.AddDays(-5)));
        await PagarAsync(100m, Corte.AddDays(-2), Linea(a, 100m));
        await ReversarAsync(await PagarAsync(400m, Corte.AddDays(3), Linea(a, 400m)));
        // B: 500 paid before the cut-off and reversed today: it counted at the cut-off, not now.
        var b = await CrearDocumentoAsync(Factura(2, 2000m, Emision, Corte.AddDays(10)));
        await ReversarAsync(await PagarAsync(500m, Corte.AddDays(-3), Linea(b, 500m)));
        // C: a cheque cashed before the cut-off and protested after it.
        var c = await CrearDocumentoAsync(Factura(3, 3000m, Emision, Corte.AddDays(-40)));
        var cheque = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Corte.AddDays(-4)), monto = 300m, moneda = "CLP", canal = "cheque", referencia = "Cheque 991",
            fechaCheque = F(Corte.AddDays(-4)), aplicacion = "manual", aplicaciones = Linea(c, 300m),
        })).JsonAsync(201);
        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/protestar", new { motivo = "Falta de fondos", costo = 0m, fecha = F(Corte.AddDays(2)) })).JsonAsync();

        var alCorte = await AntiguedadAsync(Corte);
        var hoy = await AntiguedadAsync();

        Assert.That(Tramos(alCorte["totales"]!), Is.EqualTo(new[] { 1500m, 900m, 2700m, 0m, 0m, 0m }));
        Assert.That((decimal?)alCorte["total"], Is.EqualTo(5100m));
        // Today: A 15 days, B 0 days (due today), C 50 days.
        Assert.That(Tramos(hoy["totales"]!), Is.EqualTo(new[] { 2000m, 900m, 3000m, 0m, 0m, 0m }));
        var estado = await EstadoCuentaAsync(Corte);
        Assert.That(Documentos(estado), Is.EqualTo(new[] { (3L, 2700m), (1L, 900m), (2L, 1500m) }));
        Assert.That(((decimal?)estado["saldo"], (decimal?)estado["saldoVencido"]), Is.EqualTo((5100m, 3600m)));
        Assert.That(Tramos(estado["antiguedad"]!), Is.EqualTo(new[] { 1500m, 900m, 2700m, 0m, 0m, 0m }));
    }

    [Test]
    public async Task Castigo_cesion_anulacion_y_emision_posteriores_al_corte_cuentan_segun_la_fecha()
    {
        // D: 1000 paid before the cut-off, 500 after it, written off after it: 2000 owed at the cut-off, out today.
        var d = await CrearDocumentoAsync(Factura(1, 3000m, Emision, Corte.AddDays(-40)));
        await PagarAsync(1000m, Corte.AddDays(-1), Linea(d, 1000m));
        await PagarAsync(500m, Corte.AddDays(1), Linea(d, 500m));
        await AccionAsync(d, "castigar", new { fecha = F(Corte.AddDays(2)), motivo = "Deudor sin bienes" });
        // E: written off the day before the cut-off: out at both dates.
        var e = await CrearDocumentoAsync(Factura(2, 500m, Emision, Corte.AddDays(-40)));
        await AccionAsync(e, "castigar", new { fecha = F(Corte.AddDays(-1)), motivo = "Incobrable" });
        // F: ceded after the cut-off. G: ceded before it and bought back today.
        var f = await CrearDocumentoAsync(Factura(3, 4000m, Emision, Corte.AddDays(-70)));
        await AccionAsync(f, "ceder", new { factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" }, fecha = F(Corte.AddDays(1)) });
        var g = await CrearDocumentoAsync(Factura(4, 5000m, Emision, Corte.AddDays(-100)));
        await AccionAsync(g, "ceder", new { factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" }, fecha = F(Corte.AddDays(-1)) });
        await AccionAsync(g, "ceder/revertir", new { motivo = "Recompra" });
        // H: cancelled today. I: issued after the cut-off.
        var h = await CrearDocumentoAsync(Factura(5, 600m, Emision, Corte.AddDays(-200)));
        await AccionAsync(h, "anular", new { motivo = "Emitida por error" });
        await CrearDocumentoAsync(Factura(6, 700m, Corte.AddDays(1), Corte.AddDays(31)));

        var alCorte = await AntiguedadAsync(Corte);
        var hoy = await AntiguedadAsync();

        Assert.That(Tramos(alCorte["totales"]!), Is.EqualTo(new[] { 0m, 0m, 2000m, 4000m, 0m, 600m }));
        Assert.That((decimal?)alCorte["total"], Is.EqualTo(6600m));
        // Today: G (110 days) is back, I is not yet due.
        Assert.That(Tramos(hoy["totales"]!), Is.EqualTo(new[] { 700m, 0m, 0m, 0m, 5000m, 0m }));
        var estado = await EstadoCuentaAsync(Corte);
        Assert.That(Documentos(estado), Is.EqualTo(new[] { (5L, 600m), (3L, 4000m), (1L, 2000m) }));
        Assert.That(estado["castigos"]!.AsArray().Select(x => (long)x!["folio"]!), Is.EqualTo(new[] { 2L }));
        Assert.That(Documentos(await EstadoCuentaAsync(Hoy)), Is.EqualTo(new[] { (4L, 5000m), (6L, 700m) }));
    }

    [Test]
    public async Task Documento_en_UF_con_pagos_antes_y_despues_del_corte_se_convierte_al_valor_de_cada_fecha()
    {
        var uf = await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 1, clienteId = ClienteId, fechaEmision = F(Corte.AddDays(-40)), fechaVencimiento = F(Corte.AddDays(-10)), moneda = "UF",
            neto = 10m, exento = 0m, iva = 0m, total = 10m,
        });
        foreach (var (monto, fecha) in new[] { (0.3333m, Corte.AddDays(-1)), (2.5m, Corte.AddDays(1)) })
            await (await Api.PostAsJsonAsync("/api/v1/pagos", new
            {
                clienteId = ClienteId, fecha = F(fecha), monto, moneda = "UF", canal = "transferencia", aplicacion = "manual", aplicaciones = Linea(uf, monto),
            })).JsonAsync(201);
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Corte), valor = 38_000.50m }, new { fecha = F(Hoy), valor = 38_100m } }))
            .EsperarAsync(System.Net.HttpStatusCode.NoContent);

        // 9.6667 UF at 38 000.50 and 7.1667 UF at 38 100, rounded to the peso.
        Assert.That(Tramos((await AntiguedadAsync(Corte))["totales"]!), Is.EqualTo(new[] { 0m, 367_339m, 0m, 0m, 0m, 0m }));
        Assert.That(Tramos((await AntiguedadAsync())["totales"]!), Is.EqualTo(new[] { 0m, 273_051m, 0m, 0m, 0m, 0m }));
        var estado = await EstadoCuentaAsync(Corte);
        Assert.That(Documentos(estado), Is.EqualTo(new[] { (1L, 9.6667m) }));
        Assert.That((decimal?)estado["saldo"], Is.EqualTo(367_339m));
    }
}
