using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The portfolio KPIs against a hand-computed fixture over three fixed past months (CLP, January 31, February 28 and March
/// 31 days of 2026), everything registered today with its past date:
/// <code>
/// Client A (Retail)                              Client B (Mayorista)
/// F0 40 000  issued 2025-11-01 due 2025-12-01    F2 50 000  issued 2026-01-20 due 2026-02-19
/// F1 100 000 issued 2026-01-05 due 2026-02-04       paid 10 000 on 2026-03-15, the 40 000 left written off 2026-03-20
///    paid 60 000 on 2026-02-15, 30 000 on 2026-03-25, 5 000 on 2026-03-28 reversed
/// F3 80 000  issued 2026-02-10 due 2026-03-12, credit note 61 of 20 000 on 2026-03-10 applied to it
/// F5 120 000 issued 2026-03-05 due 2026-04-04
///
/// Credit sales: Nov-2025 40 000, Dec 0, Jan 150 000 (F1 + F2), Feb 80 000 (F3), Mar 120 000 − 20 000 = 100 000.
/// Receivable (aging at the date): 2025-12-31 40 000 (F0);
///   2026-01-31 190 000 (F0 40, F1 100, F2 50), not due 150 000 (F1, F2);
///   2026-02-28 210 000 (F0 40, F1 40, F2 50, F3 80), not due 80 000 (F3), F0 89 days past due (not > 90);
///   2026-03-31 230 000 (F0 40, F1 10, F3 60, F5 120; F2 written off), not due 120 000 (F5), > 90 days 40 000 (F0, 120 days).
///
/// March (31 days):   simple DSO 230/100 × 31 = 71.30; countback 230 − 100 (Mar, 31 d) − 80 (Feb, 28 d) = 50 of Jan's 150:
///   31 + 28 + 50/150 × 31 = 69.3333 → 69.33; best DSO 120/100 × 31 = 37.20; ADD 71.30 − 37.20 = 34.10;
///   CEI (210 + 100 − 230) / (210 + 100 − 120) = 80/190 = 42.105 → 42.11; morosity 110/230 = 47.826 → 47.83;
///   at risk 40/230 = 17.391 → 17.39; bad-debt loss 40/100 = 40.00; collected 10 000 + 30 000 = 40 000.
/// February (28 days): simple 210/80 × 28 = 73.50; countback 28 + 130/150 × 31 = 54.8667 → 54.87; best 80/80 × 28 = 28;
///   CEI (190 + 80 − 210) / (190 + 80 − 80) = 60/190 = 31.58; morosity 130/210 = 61.90.
/// January (31 days): simple 190/150 × 31 = 39.2667 → 39.27; countback 31 (Jan) + 31 (Dec, no sales) + 40/40 × 30 (Nov) = 92;
///   CEI (40 + 150 − 190) / (40 + 150 − 150) = 0.
/// February 1 to March 31 (59 days): simple 230/180 × 59 = 75.3889 → 75.39; best 120/180 × 59 = 39.3333 → 39.33; ADD 36.06;
///   CEI (190 + 180 − 230) / (190 + 180 − 120) = 140/250 = 56.00; bad-debt 40/180 = 22.22; collected 100 000.
/// Segment Retail (A) in March: receivable 160 000 → 230 000, sales 100 000: CEI (160 + 100 − 230)/(160 + 100 − 120) = 30/140 = 21.43,
///   countback 31 + 28 + 50/100 × 31 (Jan: F1) = 74.50, loss 0, collected 30 000. Mayorista (B): 50 000 → 0, no sales: CEI 50/50 = 100.
/// </code>
/// </summary>
public sealed class IndicadoresCarteraTests : PruebaCartera
{
    private static readonly DateOnly Marzo = new(2026, 3, 31);
    private string _clienteB = null!;

    private Task<T> EnviarAsync<T>(IRequest<T> solicitud, Guid? empresa = null) =>
        Fixture.EnAmbitoAsync(sp =>
        {
            sp.GetRequiredService<ContextoSolicitud>().Establecer(empresa ?? Empresa.Id, "pruebas");
            return sp.GetRequiredService<IMediator>().Send(solicitud).AsTask();
        });

    private static DateOnly D(int anio, int mes, int dia) => new(anio, mes, dia);

    private static object[] Linea(JsonNode doc, decimal monto) => [new { documentoId = doc.Id(), monto }];

    private async Task CrearCarteraAsync()
    {
        _clienteB = (await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"))).Id();
        await CrearDocumentoAsync(Factura(10, 40_000, D(2025, 11, 1), D(2025, 12, 1)));
        var f1 = await CrearDocumentoAsync(Factura(11, 100_000, D(2026, 1, 5), D(2026, 2, 4)));
        var f2 = await CrearDocumentoAsync(Factura(12, 50_000, D(2026, 1, 20), D(2026, 2, 19), _clienteB));
        await CrearDocumentoAsync(Factura(13, 80_000, D(2026, 2, 10), D(2026, 3, 12)));
        await CrearDocumentoAsync(Factura(15, 120_000, D(2026, 3, 5), D(2026, 4, 4)));
        await CrearDocumentoAsync(new
        {
            tipo = "61", folio = 1, clienteId = ClienteId, fechaEmision = F(D(2026, 3, 10)), moneda = "CLP", neto = 20_000m, exento = 0m, iva = 0m, total = 20_000m,
            referencia = new { tipo = "33", folio = 13 },
        });
        await PagarAsync(60_000, D(2026, 2, 15), Linea(f1, 60_000));
        await PagarAsync(10_000, D(2026, 3, 15), Linea(f2, 10_000), _clienteB);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{f2.Id()}/castigar", new { fecha = F(D(2026, 3, 20)), motivo = "Deudor sin bienes" })).JsonAsync();
        await PagarAsync(30_000, D(2026, 3, 25), Linea(f1, 30_000));
        var reversado = await PagarAsync(5_000, D(2026, 3, 28), Linea(f1, 5_000));
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{reversado["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Cheque devuelto" })).JsonAsync();
    }

    private async Task<JsonNode> GetAsync(string ruta, HttpClient? api = null) => await (await (api ?? Api).GetAsync(ruta)).JsonAsync();

    private static decimal[] Valores(JsonNode i, params string[] campos) => campos.Select(c => (decimal)i[c]!).ToArray();

    private static readonly string[] Kpis =
        ["totalPorCobrar", "vencido", "vencidoMas90", "dsoCountback", "dsoSimple", "mejorDso", "diasPromedioAtraso", "cei", "indiceMorosidad", "participacionRiesgo", "perdidaIncobrables", "ventasCredito", "recaudado"];

    [Test]
    public async Task Indicadores_de_marzo_cuadran_con_el_calculo_a_mano()
    {
        await CrearCarteraAsync();

        var r = await GetAsync($"/api/v1/indicadores/cartera?fechaCorte={F(Marzo)}");

        Assert.That(((string?)r["desde"], (string?)r["hasta"], (int?)r["indicadores"]!["diasPeriodo"]), Is.EqualTo(("2026-03-01", "2026-03-31", 31)));
        Assert.That(Valores(r["indicadores"]!, Kpis), Is.EqualTo(new[] { 230_000m, 110_000m, 40_000m, 69.33m, 71.30m, 37.20m, 34.10m, 42.11m, 47.83m, 17.39m, 40.00m, 100_000m, 40_000m }));
        var definiciones = r["definiciones"]!.AsArray();
        Assert.That(definiciones.Select(d => (string)d!["clave"]!), Is.EquivalentTo(Kpis));
        Assert.That(definiciones.All(d => ((string)d!["definicion"]!).Length > 20), Is.True);

        // The dashboard's contract answers the same figures.
        var contrato = await EnviarAsync(new ObtenerIndicadoresCartera(Marzo, null));
        Assert.That((contrato.DsoCountback, contrato.Cei, contrato.Recaudado), Is.EqualTo((69.33m, 42.11m, 40_000m)));
    }

    [Test]
    public async Task Un_periodo_desde_hasta_usa_sus_dias_sus_ventas_y_el_saldo_del_dia_anterior()
    {
        await CrearCarteraAsync();

        var r = await GetAsync($"/api/v1/indicadores/cartera?desde=2026-02-01&hasta={F(Marzo)}");

        Assert.That((int?)r["indicadores"]!["diasPeriodo"], Is.EqualTo(59));
        Assert.That(Valores(r["indicadores"]!, "dsoSimple", "mejorDso", "diasPromedioAtraso", "cei", "perdidaIncobrables", "ventasCredito", "recaudado", "dsoCountback"),
            Is.EqualTo(new[] { 75.39m, 39.33m, 36.06m, 56.00m, 22.22m, 180_000m, 100_000m, 69.33m }));
    }

    [Test]
    public async Task Tendencia_da_cada_fin_de_mes_con_los_saldos_de_esa_fecha()
    {
        await CrearCarteraAsync();

        var t = await GetAsync($"/api/v1/indicadores/cartera/tendencia?fechaCorte={F(Marzo)}&meses=3");
        var puntos = t["puntos"]!.AsArray();

        Assert.That(puntos.Select(p => (string)p!["corte"]!), Is.EqualTo(new[] { "2026-01-31", "2026-02-28", "2026-03-31" }));
        Assert.That(puntos.Select(p => (decimal)p!["dsoCountback"]!), Is.EqualTo(new[] { 92m, 54.87m, 69.33m }));
        Assert.That(puntos.Select(p => (decimal)p!["dsoSimple"]!), Is.EqualTo(new[] { 39.27m, 73.50m, 71.30m }));
        Assert.That(puntos.Select(p => (decimal)p!["cei"]!), Is.EqualTo(new[] { 0m, 31.58m, 42.11m }));
        Assert.That(puntos.Select(p => (decimal)p!["mejorDso"]!), Is.EqualTo(new[] { 31m, 28m, 37.20m }));
        Assert.That(puntos.Select(p => (decimal)p!["indiceMorosidad"]!), Is.EqualTo(new[] { 21.05m, 61.90m, 47.83m }));
        Assert.That(puntos.Select(p => (decimal)p!["totalPorCobrar"]!), Is.EqualTo(new[] { 190_000m, 210_000m, 230_000m }));

        var contrato = await EnviarAsync(new ObtenerTendenciaIndicadores(Marzo, 3, null));
        Assert.That(contrato.Select(p => p.Cei), Is.EqualTo(new[] { 0m, 31.58m, 42.11m }));
        var porDefecto = await GetAsync($"/api/v1/indicadores/cartera/tendencia?fechaCorte={F(Marzo)}");
        Assert.That(porDefecto["puntos"]!.AsArray(), Has.Count.EqualTo(12));
    }

    [Test]
    public async Task Filtro_por_segmento_y_desglose_por_segmento_y_por_cobrador()
    {
        await CrearCarteraAsync();

        var retail = await GetAsync($"/api/v1/indicadores/cartera?fechaCorte={F(Marzo)}&segmento=Retail");
        Assert.That(Valores(retail["indicadores"]!, "totalPorCobrar", "cei", "dsoCountback", "dsoSimple", "perdidaIncobrables", "recaudado"),
            Is.EqualTo(new[] { 230_000m, 21.43m, 74.50m, 71.30m, 0m, 30_000m }));

        var porSegmento = await GetAsync($"/api/v1/indicadores/cartera/por-segmento?fechaCorte={F(Marzo)}");
        var filas = porSegmento["filas"]!.AsArray();
        Assert.That(filas.Select(f => (string)f!["clave"]!), Is.EqualTo(new[] { "Mayorista", "Retail" }));
        Assert.That(Valores(filas[0]!["indicadores"]!, "totalPorCobrar", "cei", "dsoSimple", "perdidaIncobrables", "recaudado"), Is.EqualTo(new[] { 0m, 100m, 0m, 0m, 10_000m }));
        Assert.That(Valores(filas[1]!["indicadores"]!, "cei", "dsoCountback"), Is.EqualTo(new[] { 21.43m, 74.50m }));

        var cobrador = (await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new
        {
            nombre = "Ana Rojas", email = "ana.rojas@empresa.test", telefono = "+56 9 5555 0000", regiones = Array.Empty<string>(), comunas = Array.Empty<string>(),
        })).JsonAsync(201)).Id();
        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{_clienteB}", new { cobradorId = cobrador })).JsonAsync();
        var porCobrador = await GetAsync($"/api/v1/indicadores/cartera/por-cobrador?fechaCorte={F(Marzo)}");
        var fila = porCobrador["filas"]!.AsArray().Single()!;
        Assert.That(((string?)fila["clave"], (string?)fila["nombre"], (int?)fila["clientes"]), Is.EqualTo((cobrador, "Ana Rojas", 1)));
        Assert.That(Valores(fila["indicadores"]!, "cei", "recaudado"), Is.EqualTo(new[] { 100m, 10_000m }));
        var filtrado = await GetAsync($"/api/v1/indicadores/cartera?fechaCorte={F(Marzo)}&cobradorId={cobrador}");
        Assert.That(Valores(filtrado["indicadores"]!, "cei", "recaudado", "totalPorCobrar"), Is.EqualTo(new[] { 100m, 10_000m, 0m }));
    }

    [Test]
    public async Task Otra_empresa_no_ve_la_cartera()
    {
        await CrearCarteraAsync();
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));

        var r = await GetAsync($"/api/v1/indicadores/cartera?fechaCorte={F(Marzo)}", otra);
        var t = await GetAsync($"/api/v1/indicadores/cartera/tendencia?fechaCorte={F(Marzo)}&meses=3", otra);

        Assert.That(Valores(r["indicadores"]!, Kpis), Is.All.EqualTo(0m));
        Assert.That(t["puntos"]!.AsArray().Select(p => (decimal)p!["totalPorCobrar"]!), Is.All.EqualTo(0m));
        Assert.That((await GetAsync($"/api/v1/indicadores/cartera/por-segmento?fechaCorte={F(Marzo)}", otra))["filas"]!.AsArray(), Is.Empty);
    }

    [TestCase("/api/v1/indicadores/cartera?desde=2026-04-01&fechaCorte=2026-03-31", "desde")]
    [TestCase("/api/v1/indicadores/cartera?desde=2020-01-01&fechaCorte=2026-03-31", "desde")]
    [TestCase("/api/v1/indicadores/cartera?fechaCorte=1800-01-01", "fechaCorte")]
    [TestCase("/api/v1/indicadores/cartera?hasta=2026-03-30&fechaCorte=2026-03-31", "hasta")]
    [TestCase("/api/v1/indicadores/cartera/tendencia?meses=0", "meses")]
    [TestCase("/api/v1/indicadores/cartera/tendencia?meses=37", "meses")]
    [TestCase("/api/v1/indicadores/cartera/por-segmento?segmento=%00", "segmento")]
    [TestCase("/api/v1/indicadores/cartera/exportar?formato=doc", "formato")]
    public async Task Entrada_invalida_da_400_en_espanol_nombrando_el_campo(string ruta, string campo)
    {
        var problema = await (await Api.GetAsync(ruta)).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { campo }));
        var mensaje = problema["errors"]![campo]![0]!.GetValue<string>();
        Assert.That(mensaje, Does.Contain(campo == "segmento" ? "" : campo));
    }

    [Test]
    public async Task Exporta_resumen_tendencia_y_desglose_en_csv_y_xlsx()
    {
        await CrearCarteraAsync();

        var csv = await (await Api.GetAsync($"/api/v1/indicadores/cartera/exportar?formato=csv&fechaCorte={F(Marzo)}")).Content.ReadAsStringAsync();
        Assert.That(csv, Does.Contain("CEI").And.Contain("42,11").And.Contain("69,33"));
        var tendencia = await Api.GetAsync($"/api/v1/indicadores/cartera/exportar?vista=tendencia&formato=csv&fechaCorte={F(Marzo)}&meses=3");
        Assert.That((await tendencia.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(4));
        var xlsx = await Api.GetAsync($"/api/v1/indicadores/cartera/exportar?vista=por-segmento&formato=xlsx&fechaCorte={F(Marzo)}");
        Assert.That(xlsx.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That((await xlsx.Content.ReadAsByteArrayAsync())[..2], Is.EqualTo("PK"u8.ToArray()));
    }

    [Test]
    public async Task Recaudacion_suma_lo_aplicado_en_el_rango_sin_reversas_ni_otros_clientes()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var desde = Hoy.AddDays(-20);
        var hasta = Hoy.AddDays(-1);
        await CrearDocumentoAsync(Factura(1, 100_000, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        await CrearDocumentoAsync(Factura(2, 80_000, Hoy.AddDays(-60), Hoy.AddDays(-30), otroCliente));
        await PagarAsync(10_000, desde.AddDays(-1)); // before the range
        await PagarAsync(30_000, desde);
        var reversado = await PagarAsync(5_000, hasta);
        await PagarAsync(25_000, hasta, clienteId: otroCliente);
        await PagarAsync(7_000, Hoy); // after the range
        var aplicacion = reversado["aplicaciones"]!.AsArray().Single()!;
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion.Id()}/reversar", new { motivo = "Pago mal aplicado" })).JsonAsync();

        // 30 000 (first day) + 25 000 (other client); 10 000 is before, 5 000 reversed, 7 000 after.
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, null)), Is.EqualTo(55_000m));
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, [Guid.Parse(ClienteId)])), Is.EqualTo(30_000m));
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, [])), Is.EqualTo(0m));
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde.AddDays(-1), Hoy, null)), Is.EqualTo(72_000m));

        var otra = await Fixture.CrearEmpresaAsync("Otra");
        Assert.That(await EnviarAsync(new ObtenerRecaudacion(desde, hasta, null), otra.Id), Is.EqualTo(0m));
    }
}
