using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// m1 = the month before last, m2 = last month (first days). D1 600.000 due m1 + 5 - 100 days; D2 400.000 due m1 + 20.
/// Collected in m1: 50.000 on D2 on m1 + 10 (10 days before due: por vencer). Collected in m2: 300.000 on D1 on
/// m2 + 5 (more than 120 days past due) and 100.000 on D2 on m2 + 2 (m2 - m1 + 2 - 20 = 10 to 13 days: 1-30); a
/// payment of 70.000 on D2 on m2 + 3 reversed today does not count at today's cut-off.
/// m1: por_vencer 50.000; m2: 1-30 100.000, mas_120 300.000; total 450.000.
/// </summary>
public sealed class ReporteRecuperacionTests : PruebaCartera
{
    private DateOnly _m1, _m2;

    private async Task CrearHistoriaAsync()
    {
        _m2 = new DateOnly(Hoy.Year, Hoy.Month, 1).AddMonths(-1);
        _m1 = _m2.AddMonths(-1);
        var d1 = await CrearDocumentoAsync(Factura(1, 600_000m, _m1.AddDays(-130), _m1.AddDays(5 - 100)));
        var d2 = await CrearDocumentoAsync(Factura(2, 400_000m, _m1.AddDays(-10), _m1.AddDays(20)));
        await PagarAsync(50_000m, _m1.AddDays(10), [new { documentoId = d2.Id(), monto = 50_000m }]);
        await PagarAsync(300_000m, _m2.AddDays(5), [new { documentoId = d1.Id(), monto = 300_000m }]);
        await PagarAsync(100_000m, _m2.AddDays(2), [new { documentoId = d2.Id(), monto = 100_000m }]);
        var reversado = await PagarAsync(70_000m, _m2.AddDays(3), [new { documentoId = d2.Id(), monto = 70_000m }]);
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{reversado["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Cheque protestado" })).JsonAsync();
    }

    private static decimal[] Tramos(JsonNode m) => m["tramos"]!.AsArray().Select(t => (decimal)t!["monto"]!).ToArray();

    [Test]
    public async Task Recaudacion_por_mes_segun_el_tramo_de_la_cuota_al_aplicarse()
    {
        await CrearHistoriaAsync();

        var r = await (await Api.GetAsync("/api/v1/reportes/recuperacion?meses=3")).JsonAsync();

        var meses = r["meses"]!.AsArray();
        Assert.That(meses.Select(m => (string)m!["mes"]!), Is.EqualTo(new[] { F(_m1), F(_m2), F(_m2.AddMonths(1)) }));
        Assert.That(Tramos(meses[0]!), Is.EqualTo(new[] { 50_000m, 0m, 0m, 0m, 0m, 0m }));
        Assert.That(Tramos(meses[1]!), Is.EqualTo(new[] { 0m, 100_000m, 0m, 0m, 0m, 300_000m }));
        Assert.That(((decimal?)meses[1]!["total"], (decimal?)meses[2]!["total"]), Is.EqualTo((400_000m, 0m)));
        Assert.That(((decimal?)r["total"], (decimal?)r["recuperoCastigos"]), Is.EqualTo((450_000m, 0m)));
        Assert.That(Tramos(new JsonObject { ["tramos"] = r["totales"]!.DeepClone() }), Is.EqualTo(new[] { 50_000m, 100_000m, 0m, 0m, 0m, 300_000m }));
    }

    [Test]
    public async Task A_un_corte_anterior_a_la_reversa_el_pago_reversado_cuenta()
    {
        await CrearHistoriaAsync();

        // At a cut-off before today the reversal (dated today) had not happened: the 70.000 (10 to 14 days past due) counts.
        var r = await (await Api.GetAsync($"/api/v1/reportes/recuperacion?meses=2&fechaCorte={F(Hoy.AddDays(-1))}")).JsonAsync();

        var totalMes2 = r["meses"]!.AsArray().Single(m => (string)m!["mes"]! == F(_m2))!;
        Assert.That(Tramos(totalMes2), Is.EqualTo(new[] { 0m, 170_000m, 0m, 0m, 0m, 300_000m }));
    }

    [Test]
    public async Task Otra_empresa_no_ve_nada_y_los_filtros_acotan()
    {
        await CrearHistoriaAsync();
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra empresa"), "Consulta");

        var ajena = await (await otra.GetAsync("/api/v1/reportes/recuperacion?meses=3")).JsonAsync();
        var mayorista = await (await Api.GetAsync("/api/v1/reportes/recuperacion?meses=3&segmento=Mayorista")).JsonAsync();

        Assert.That((decimal?)ajena["total"], Is.EqualTo(0m));
        Assert.That((decimal?)mayorista["total"], Is.EqualTo(0m));
    }

    [TestCase("meses=40", "meses")]
    [TestCase("fechaCorte=3000-01-01", "fechaCorte")]
    [TestCase("cobradorId=no-es-uuid", "cobradorId")]
    public async Task Entrada_invalida_responde_400_nombrando_el_campo(string consulta, string campo)
    {
        var problema = await (await Api.GetAsync($"/api/v1/reportes/recuperacion?{consulta}")).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { campo }));
    }

    [Test]
    public async Task Exporta_en_xlsx()
    {
        await CrearHistoriaAsync();

        var xlsx = await Api.GetAsync("/api/v1/reportes/recuperacion/exportar?meses=3&formato=xlsx");

        Assert.That((int)xlsx.StatusCode, Is.EqualTo(200));
        Assert.That((await xlsx.Content.ReadAsByteArrayAsync())[..2], Is.EqualTo("PK"u8.ToArray()));
    }
}
