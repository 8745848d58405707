using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The concentration report does not run the aging: at today's cut-off it reads the per-client read model, at a past cut-off
/// a per-client as-of statement of its own. Its figures stay the aging's by client at the same cut-off: at today across UF
/// conversion, a document issued after today, a payment dated in the past, its reversal and a change of day with or without
/// the daily roll; at a past cut-off across payments, a reversal, a write-off, a cession and a cancellation dated after it,
/// and a document ceded under administración delegada (the factor's money, out of both by default).
/// </summary>
public sealed class ConcentracionAlDiaTests : PruebaCartera
{
    private async Task ValorUfAsync(decimal valor) =>
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);

    /// <summary>Every figure of the concentration equals the aging's by client at the same cut-off (today by default); answers (total, vencido).</summary>
    private async Task<(decimal Total, decimal Vencido)> IgualALaAntiguedadAsync(DateOnly? corte = null)
    {
        var fecha = corte is { } c ? $"&fechaCorte={F(c)}" : "";
        var r = await (await Api.GetAsync($"/api/v1/reportes/concentracion?cantidad=20{fecha}")).JsonAsync();
        var a = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=cliente&tamanoPagina=100{fecha}")).JsonAsync();
        Assert.That(((string)r["fechaCorte"]!, (string)a["fechaCorte"]!), Is.EqualTo((F(corte ?? Hoy), F(corte ?? Hoy))));

        // The aging also lists a client whose only debt is ceded under administración delegada (own total 0, shown apart): no debtor here.
        var grupos = a["grupos"]!.AsArray().Where(g => (decimal)g!["total"]! != 0)
            .Select(g => ((string)g!["clave"]!, (decimal)g["total"]!, (decimal)g["total"]! - (decimal)g["tramos"]![0]!["monto"]!)).ToArray();
        var principales = r["principales"]!.AsArray().Select(p => ((string)p!["clienteId"]!, (decimal)p["saldo"]!, (decimal)p["vencido"]!)).ToArray();
        Assert.That(principales, Is.EqualTo(grupos), "mayores deudores frente a la antigüedad por cliente");

        var total = (decimal)a["total"]!;
        var vencido = total - (decimal)a["totales"]![0]!["monto"]!;
        Assert.That(((decimal)r["total"]!, (decimal)r["vencido"]!, (int)r["clientes"]!), Is.EqualTo((total, vencido, grupos.Length)));
        var herfindahl = decimal.Round(grupos.Sum(g => g.Item2 * g.Item2) / total / total, 6);
        Assert.That((decimal)r["indiceHerfindahl"]!, Is.EqualTo(herfindahl));
        return (total, vencido);
    }

    private static Task RodarAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<RodarVencidoJob>().EjecutarAsync(CancellationToken.None));

    [Test]
    public async Task A_la_fecha_de_hoy_la_concentracion_iguala_a_la_antiguedad_con_pagos_pasados_reversas_y_cambio_de_dia()
    {
        await ValorUfAsync(38_000m);
        var a = await CrearDocumentoAsync(Factura(1, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var b = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(2, 300_000m, Hoy.AddDays(-10), Hoy.AddDays(2), b));
        var c = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 3, clienteId = c, fechaEmision = F(Hoy.AddDays(-10)), fechaVencimiento = F(Hoy.AddDays(20)), moneda = "UF",
            neto = 10m, exento = 0m, iva = 0m, total = 10m,
        });
        var d = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(4, 50_000m, Hoy.AddDays(-40), Hoy.AddDays(-10), d));
        await CrearDocumentoAsync(Factura(5, 200_000m, Hoy.AddDays(1), Hoy.AddDays(31), d));
        var pago = await PagarAsync(100_000m, Hoy.AddDays(-5), [new { documentoId = a.Id(), monto = 100_000m }]);
        await RodarAsync();

        // A 400 000 overdue, C 10 UF = 380 000, B 300 000 not due, D 50 000 overdue (its invoice issued tomorrow does not count yet).
        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_130_000m, 450_000m)));

        var aplicacion = pago["aplicaciones"]!.AsArray().Single()!;
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion.Id()}/reversar", new { motivo = "Transferencia devuelta" })).JsonAsync();

        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_230_000m, 550_000m)));

        Fixture.Reloj.Advance(TimeSpan.FromDays(3));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        await ValorUfAsync(38_100m);

        // Not rolled: B's invoice fell due yesterday, D's issued two days ago now counts, C converts at today's UF.
        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_431_000m, 850_000m)));
        await RodarAsync();
        Assert.That(await IgualALaAntiguedadAsync(), Is.EqualTo((1_431_000m, 850_000m)));
        var filtrada = await (await Api.GetAsync($"/api/v1/reportes/concentracion?segmento=ninguno-{Guid.NewGuid():N}")).JsonAsync();
        Assert.That(((decimal)filtrada["total"]!, (int)filtrada["clientes"]!), Is.EqualTo((0m, 0)), "un filtro sin clientes no ve deuda");
    }

    [Test]
    public async Task A_fecha_pasada_la_concentracion_iguala_a_la_antiguedad_con_movimientos_posteriores_al_corte()
    {
        var corte = Hoy.AddDays(-10);
        var emision = corte.AddDays(-100);
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(corte), valor = 37_000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        object[] Linea(JsonNode doc, decimal monto) => [new { documentoId = doc.Id(), monto }];
        async Task AccionAsync(JsonNode doc, string accion, object cuerpo) =>
            await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/{accion}", cuerpo)).JsonAsync();

        // A: 1 000 000 overdue; 200 000 paid before the cut-off, 300 000 after it, 100 000 before it and reversed today.
        var a = await CrearDocumentoAsync(Factura(1, 1_000_000m, emision, corte.AddDays(-30)));
        await PagarAsync(200_000m, corte.AddDays(-5), Linea(a, 200_000m));
        await PagarAsync(300_000m, corte.AddDays(3), Linea(a, 300_000m));
        var reversado = await PagarAsync(100_000m, corte.AddDays(-2), Linea(a, 100_000m));
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{reversado["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Error de imputación" })).JsonAsync();
        // B: written off after the cut-off (owed 400 000 then); C: ceded after it (250 000 not yet due then).
        var b = (await Api.CrearClienteAsync()).Id();
        await AccionAsync(await CrearDocumentoAsync(Factura(2, 400_000m, emision, corte.AddDays(-60), b)), "castigar", new { fecha = F(corte.AddDays(2)), motivo = "Deudor sin bienes" });
        var c = (await Api.CrearClienteAsync()).Id();
        await AccionAsync(await CrearDocumentoAsync(Factura(3, 250_000m, emision, corte.AddDays(5), c)), "ceder",
            new { factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" }, fecha = F(corte.AddDays(1)) });
        // D: 5 UF not yet due at the cut-off (185 000 at its UF) and an invoice cancelled today; E: everything issued after the cut-off.
        var d = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 4, clienteId = d, fechaEmision = F(emision), fechaVencimiento = F(corte.AddDays(20)), moneda = "UF",
            neto = 5m, exento = 0m, iva = 0m, total = 5m,
        });
        await AccionAsync(await CrearDocumentoAsync(Factura(5, 90_000m, emision, corte.AddDays(-1), d)), "anular", new { motivo = "Emitida por error" });
        var e = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(6, 700_000m, corte.AddDays(1), corte.AddDays(31), e));
        // F: ceded before the cut-off under administración delegada: collected for the factor, not the company's debt.
        var f = (await Api.CrearClienteAsync()).Id();
        var delegado = await CrearDocumentoAsync(Factura(7, 600_000m, emision, corte.AddDays(-20), f));
        await AccionAsync(delegado, "ceder", new { factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" }, fecha = F(corte.AddDays(-3)) });
        await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{delegado.Id()}/condiciones", new { responsabilidadSolidaria = false, administracionDelegada = true }))
            .JsonAsync();
        await PagarAsync(100_000m, corte.AddDays(2), Linea(delegado, 100_000m), f);

        // A 700 000 (the payment reversed after the cut-off still counted then), B 400 000, C 250 000, D 185 000 + 90 000 (cancelled
        // after the cut-off): 1 625 000, of which 1 190 000 overdue (A, B and D's invoice); F is the factor's.
        Assert.That(await IgualALaAntiguedadAsync(corte), Is.EqualTo((1_625_000m, 1_190_000m)));
        // The same statement at a day with no UF value refuses the report as the aging does, naming the cut-off.
        var sinUf = await Api.GetAsync($"/api/v1/reportes/concentracion?fechaCorte={F(corte.AddDays(-1))}");
        var (campo, mensajes) = (await sinUf.JsonAsync(422))["errors"]!.AsObject().Single();
        Assert.That((campo, ((string)mensajes![0]!).Split(':')[0]), Is.EqualTo(("fechaCorte", "falta_valor_uf")));
    }
}
