using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Npgsql;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// e1 = last day of the month before last, e2 = last day of last month (e2 - e1 is 28 to 31 days). D1 600.000 due
/// e1 - 100, 300.000 of it paid e1 + 5; D2 400.000 due e1 + 10; D3 200.000 issued e2 - 5, due e2 + 25.
/// At e1: total 1.000.000, overdue 600.000 (D1, 100 days: more than 90), index 60 %.
/// At e2: total 300.000 + 400.000 + 200.000 = 900.000, overdue 300.000 + 400.000 = 700.000, >90 300.000 (D1),
/// index 700/900 = 77,78 %.
/// Provision (defaults 1/5/10/25/50/100 %): e1 D1 in 91-120 (50 %) 300.000 + D2 por vencer (1 %) 4.000 = 304.000;
/// e2 D1 more than 120 days (100 %) 300.000 + D2 18-21 days (5 %) 20.000 + D3 por vencer (1 %) 2.000 = 322.000.
/// </summary>
public sealed class ReporteMorosidadTests : PruebaCartera
{
    private DateOnly _e1, _e2;
    private JsonNode _d1 = null!, _d2 = null!;

    private async Task CrearCarteraAsync()
    {
        var inicioMes = new DateOnly(Hoy.Year, Hoy.Month, 1);
        _e2 = inicioMes.AddDays(-1);
        _e1 = inicioMes.AddMonths(-1).AddDays(-1);
        _d1 = await CrearDocumentoAsync(Factura(1, 600_000m, _e1.AddDays(-130), _e1.AddDays(-100)));
        _d2 = await CrearDocumentoAsync(Factura(2, 400_000m, _e1.AddDays(-20), _e1.AddDays(10)));
        await CrearDocumentoAsync(Factura(3, 200_000m, _e2.AddDays(-5), _e2.AddDays(25)));
        await PagarAsync(300_000m, _e1.AddDays(5), [new { documentoId = _d1.Id(), monto = 300_000m }]);
    }

    private async Task<JsonArray> MesesAsync(HttpClient? api = null, string consulta = "") =>
        (await (await (api ?? Api).GetAsync($"/api/v1/reportes/morosidad?meses=3{consulta}")).JsonAsync())["meses"]!.AsArray();

    private static (string, decimal, decimal, decimal, decimal) Mes(JsonNode m) =>
        ((string)m["corte"]!, (decimal)m["total"]!, (decimal)m["vencido"]!, (decimal)m["mas90"]!, (decimal)m["indiceMorosidad"]!);

    private static async Task<List<DateOnly>> MesesEnCacheAsync()
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var comando = new NpgsqlCommand("SELECT mes FROM cartera.cortes_mensuales ORDER BY mes", conexion);
        var meses = new List<DateOnly>();
        await using var lector = await comando.ExecuteReaderAsync();
        while (await lector.ReadAsync())
            meses.Add(lector.GetFieldValue<DateOnly>(0));
        return meses;
    }

    [Test]
    public async Task Serie_calcula_cada_mes_a_su_cierre_y_guarda_los_meses_cerrados()
    {
        await CrearCarteraAsync();

        var meses = await MesesAsync();

        Assert.That(meses.Count, Is.EqualTo(3));
        Assert.That(Mes(meses[0]!), Is.EqualTo((F(_e1), 1_000_000m, 600_000m, 600_000m, 60m)));
        Assert.That(Mes(meses[1]!), Is.EqualTo((F(_e2), 900_000m, 700_000m, 300_000m, 77.78m)));
        Assert.That((string?)meses[2]!["corte"], Is.EqualTo(F(Hoy)));
        Assert.That(await MesesEnCacheAsync(), Is.EqualTo(new[] { _e1, _e2 }));
        // Served from the cache, the same figures.
        var otraVez = await MesesAsync();
        Assert.That(otraVez.Select(m => Mes(m!)), Is.EqualTo(meses.Select(m => Mes(m!))));
    }

    [Test]
    public async Task Pago_con_fecha_pasada_invalida_el_mes_en_cache_y_la_reversa_tambien()
    {
        await CrearCarteraAsync();
        await MesesAsync();
        Assert.That(await MesesEnCacheAsync(), Is.EqualTo(new[] { _e1, _e2 }));

        // 100.000 on D2 dated the day before e1: e1 900.000 / 600.000 (66,67 %), e2 800.000 / 600.000 (75 %).
        var pago = await PagarAsync(100_000m, _e1.AddDays(-1), [new { documentoId = _d2.Id(), monto = 100_000m }]);
        var despues = await MesesAsync();

        Assert.That(Mes(despues[0]!), Is.EqualTo((F(_e1), 900_000m, 600_000m, 600_000m, 66.67m)));
        Assert.That(Mes(despues[1]!), Is.EqualTo((F(_e2), 800_000m, 600_000m, 300_000m, 75m)));

        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{pago["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Transferencia devuelta" })).JsonAsync();
        var revertido = await MesesAsync();

        // Reversed today: at both month-ends the payment still counted.
        Assert.That(Mes(revertido[1]!), Is.EqualTo((F(_e2), 800_000m, 600_000m, 300_000m, 75m)));
        Assert.That((decimal?)revertido[2]!["total"], Is.EqualTo(900_000m));
    }

    [Test]
    public async Task Tendencia_de_indicadores_lee_los_cierres_en_cache_y_un_pago_con_fecha_pasada_los_invalida()
    {
        await CrearCarteraAsync();
        async Task<List<(string, decimal, decimal, decimal)>> TendenciaAsync() =>
            (await (await Api.GetAsync("/api/v1/indicadores/cartera/tendencia?meses=3")).JsonAsync())["puntos"]!.AsArray()
            .Select(p => ((string)p!["corte"]!, (decimal)p["totalPorCobrar"]!, (decimal)p["vencido"]!, (decimal)p["indiceMorosidad"]!)).ToList();

        var calculada = await TendenciaAsync();
        Assert.That(calculada[0], Is.EqualTo((F(_e1), 1_000_000m, 600_000m, 60m)));
        Assert.That(calculada[1], Is.EqualTo((F(_e2), 900_000m, 700_000m, 77.78m)));
        // The month-ends before today (and the one before the first period) were stored; read again, the same figures.
        Assert.That(await MesesEnCacheAsync(), Is.SupersetOf(new[] { _e1, _e2 }));
        Assert.That(await TendenciaAsync(), Is.EqualTo(calculada));

        // 100.000 on D2 dated the day before e1 invalidates both cached month-ends.
        var pago = await PagarAsync(100_000m, _e1.AddDays(-1), [new { documentoId = _d2.Id(), monto = 100_000m }]);
        var despues = await TendenciaAsync();
        Assert.That(despues[0], Is.EqualTo((F(_e1), 900_000m, 600_000m, 66.67m)));
        Assert.That(despues[1], Is.EqualTo((F(_e2), 800_000m, 600_000m, 75m)));

        // Reversed today: at both month-ends the payment still counted; today it no longer does.
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{pago["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Transferencia devuelta" })).JsonAsync();
        var revertido = await TendenciaAsync();
        Assert.That(revertido[..2], Is.EqualTo(despues[..2]));
        Assert.That(revertido[2].Item2, Is.EqualTo(900_000m));
    }

    [Test]
    public async Task Castigo_con_fecha_pasada_invalida_el_mes_en_cache()
    {
        await CrearCarteraAsync();
        await MesesAsync();

        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{_d1.Id()}/castigar", new { fecha = F(_e2.AddDays(-1)), motivo = "Deudor sin bienes" })).JsonAsync();
        var despues = await MesesAsync();

        Assert.That(Mes(despues[0]!), Is.EqualTo((F(_e1), 1_000_000m, 600_000m, 600_000m, 60m)));
        Assert.That(Mes(despues[1]!), Is.EqualTo((F(_e2), 600_000m, 400_000m, 0m, 66.67m)));
    }

    [Test]
    public async Task Evolucion_de_la_provision_a_cada_cierre()
    {
        await CrearCarteraAsync();

        var r = await (await Api.GetAsync("/api/v1/reportes/provision/evolucion?meses=2")).JsonAsync();

        var meses = r["meses"]!.AsArray();
        Assert.That(meses.Select(m => ((string)m!["corte"]!, (decimal)m["saldo"]!, (decimal)m["provision"]!)),
            Is.EqualTo(new[] { (F(_e2), 900_000m, 322_000m), (F(Hoy), 900_000m, (decimal)meses[1]!["provision"]!) }));
        var e1 = (await (await Api.GetAsync($"/api/v1/reportes/provision/evolucion?meses=2&fechaCorte={F(_e2)}")).JsonAsync())["meses"]![0]!;
        Assert.That(((string?)e1["corte"], (decimal?)e1["provision"]), Is.EqualTo((F(_e1), 304_000m)));
        Assert.That(e1["tramos"]!.AsArray().Select(t => (decimal)t!["provision"]!), Is.EqualTo(new[] { 4_000m, 0m, 0m, 0m, 300_000m, 0m }));
    }

    [Test]
    public async Task Filtros_y_aislamiento()
    {
        await CrearCarteraAsync();
        var cliente2 = (await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"))).Id();
        await CrearDocumentoAsync(Factura(9, 50_000m, _e1.AddDays(-10), _e1.AddDays(-5), cliente2));
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra empresa"), "Consulta");

        var mayorista = await MesesAsync(consulta: "&segmento=Mayorista");
        var ajena = await MesesAsync(otra);

        Assert.That(Mes(mayorista[0]!), Is.EqualTo((F(_e1), 50_000m, 50_000m, 0m, 100m)));
        Assert.That(ajena.Select(m => (decimal)m!["total"]!), Is.EqualTo(new[] { 0m, 0m, 0m }));
        Assert.That((decimal?)(await MesesAsync())[0]!["total"], Is.EqualTo(1_050_000m));
    }

    [TestCase("/api/v1/reportes/morosidad?meses=0", "meses")]
    [TestCase("/api/v1/reportes/morosidad?meses=37", "meses")]
    [TestCase("/api/v1/reportes/morosidad?fechaCorte=1900-01-05", "fechaCorte")]
    [TestCase("/api/v1/reportes/provision/evolucion?meses=-1", "meses")]
    [TestCase("/api/v1/reportes/morosidad/exportar?formato=txt", "formato")]
    // Found by the contract fuzzer: a negative count of months moved the first month past year 9999 inside the validator.
    [TestCase("/api/v1/reportes/recuperacion/exportar?fechaCorte=2029-09-13&meses=-128532", "meses")]
    [TestCase("/api/v1/reportes/morosidad?fechaCorte=2029-09-13&meses=-128532", "meses")]
    public async Task Entrada_invalida_responde_400_nombrando_el_campo(string ruta, string campo)
    {
        var problema = await (await Api.GetAsync(ruta)).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { campo }));
    }

    [Test]
    public async Task Exporta_la_serie_en_csv()
    {
        await CrearCarteraAsync();

        var csv = await (await Api.GetAsync("/api/v1/reportes/morosidad/exportar?meses=3&formato=csv")).TextoAsync(200);

        Assert.That(csv, Does.Contain($"{_e1:dd-MM-yyyy};1000000;600000;600000;60;"));
    }
}
