using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Four clients at a cut-off ten days ago (CLP). A: invoice 500.000 due 30 days before the cut-off, 100.000 paid 5 days
/// before it and 200.000 paid 3 days after it: 400.000 at the cut-off, all overdue. B: 300.000 not yet due. C: 100.000
/// overdue + 100.000 not yet due. D (segment Mayorista): 100.000 overdue. Total 1.000.000, overdue 600.000.
/// Shares 40 %, 30 %, 20 %, 10 %; Herfindahl 0,4² + 0,3² + 0,2² + 0,1² = 0,16 + 0,09 + 0,04 + 0,01 = 0,30 (3.000 points).
/// </summary>
public sealed class ReporteConcentracionTests : PruebaCartera
{
    private DateOnly _corte;
    private string _b = null!, _c = null!, _d = null!;

    private async Task CrearCarteraAsync()
    {
        _corte = Hoy.AddDays(-10);
        var emision = _corte.AddDays(-60);
        _b = (await Api.CrearClienteAsync()).Id();
        _c = (await Api.CrearClienteAsync()).Id();
        _d = (await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"))).Id();
        var a = await CrearDocumentoAsync(Factura(1, 500_000m, emision, _corte.AddDays(-30)));
        await CrearDocumentoAsync(Factura(2, 300_000m, emision, _corte.AddDays(20), _b));
        await CrearDocumentoAsync(Factura(3, 100_000m, emision, _corte.AddDays(-1), _c));
        await CrearDocumentoAsync(Factura(4, 100_000m, emision, _corte, _c));
        await CrearDocumentoAsync(Factura(5, 100_000m, emision, _corte.AddDays(-15), _d));
        await PagarAsync(100_000m, _corte.AddDays(-5), [new { documentoId = a.Id(), monto = 100_000m }]);
        await PagarAsync(200_000m, _corte.AddDays(3), [new { documentoId = a.Id(), monto = 200_000m }]);
    }

    private async Task<JsonNode> ConcentracionAsync(string consulta = "") =>
        await (await Api.GetAsync($"/api/v1/reportes/concentracion?fechaCorte={F(_corte)}{consulta}")).JsonAsync();

    [Test]
    public async Task Concentracion_a_fecha_pasada_da_participaciones_herfindahl_y_clientes_sobre_el_maximo()
    {
        await CrearCarteraAsync();

        var r = await ConcentracionAsync("&cantidad=2");

        Assert.That(((decimal?)r["total"], (decimal?)r["vencido"], (int?)r["clientes"]), Is.EqualTo((1_000_000m, 600_000m, 4)));
        var principales = r["principales"]!.AsArray();
        Assert.That(principales.Select(p => ((string)p!["clienteId"]!, (decimal)p["saldo"]!, (decimal)p["vencido"]!, (decimal)p["participacion"]!, (decimal)p["participacionAcumulada"]!)),
            Is.EqualTo(new[] { (ClienteId, 400_000m, 400_000m, 40m, 40m), (_b, 300_000m, 0m, 30m, 70m) }));
        Assert.That(((decimal?)r["participacionTop10"], (decimal?)r["participacionTop20"]), Is.EqualTo((100m, 100m)));
        Assert.That(((decimal?)r["indiceHerfindahl"], (decimal?)r["indiceHerfindahlPuntos"]), Is.EqualTo((0.3m, 3000m)));
        // Default maximum 10 %: D's 10 % does not exceed it; C (20 %) does although it is not in the top 2.
        Assert.That((decimal?)r["concentracionMaxima"], Is.EqualTo(10m));
        Assert.That(r["sobreMaximo"]!.AsArray().Select(p => ((string)p!["clienteId"]!, (int)p["posicion"]!)), Is.EqualTo(new[] { (ClienteId, 1), (_b, 2), (_c, 3) }));
    }

    /// <summary>Thirty clients of 10.000 each, one 40.000 (total 340.000), maximum 1 %: all 31 exceed it, more than the first rows read.</summary>
    [Test]
    public async Task Los_excedidos_que_pasan_de_los_primeros_veinte_salen_todos()
    {
        _corte = Hoy;
        var config = await (await Api.GetAsync("/api/v1/cartera/configuracion")).JsonAsync();
        await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = config["limitesTramos"], ordenImputacion = (string)config["ordenImputacion"]!, porcentajesProvision = config["porcentajesProvision"],
            concentracionMaxima = 1m,
        })).JsonAsync();
        await CrearDocumentoAsync(Factura(1, 40_000m, Hoy.AddDays(-20), Hoy.AddDays(-5)));
        for (var i = 0; i < 30; i++)
            await CrearDocumentoAsync(Factura(2 + i, 10_000m, Hoy.AddDays(-20), Hoy.AddDays(10), (await Api.CrearClienteAsync()).Id()));

        var r = await ConcentracionAsync("&cantidad=5");

        Assert.That(((decimal?)r["total"], (decimal?)r["vencido"], (int?)r["clientes"]), Is.EqualTo((340_000m, 40_000m, 31)));
        Assert.That(r["principales"]!.AsArray().Count, Is.EqualTo(5));
        var excedidos = r["sobreMaximo"]!.AsArray();
        Assert.That(excedidos.Select(p => (int)p!["posicion"]!), Is.EqualTo(Enumerable.Range(1, 31)));
        Assert.That((decimal?)excedidos[30]!["participacionAcumulada"], Is.EqualTo(100m));
        // (4² + 30 · 1²) / 34² = 46 / 1156 = 0,039792...
        Assert.That((decimal?)r["indiceHerfindahl"], Is.EqualTo(0.039792m));
    }

    [Test]
    public async Task La_concentracion_maxima_se_configura_y_cambia_la_lista_de_excedidos()
    {
        await CrearCarteraAsync();
        var config = await (await Api.GetAsync("/api/v1/cartera/configuracion")).JsonAsync();

        var guardada = await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = config["limitesTramos"], ordenImputacion = (string)config["ordenImputacion"]!, porcentajesProvision = config["porcentajesProvision"],
            concentracionMaxima = 25m,
        })).JsonAsync();
        var r = await ConcentracionAsync();

        Assert.That((decimal?)guardada["concentracionMaxima"], Is.EqualTo(25m));
        Assert.That(r["sobreMaximo"]!.AsArray().Select(p => (string)p!["clienteId"]!), Is.EqualTo(new[] { ClienteId, _b }));
        Assert.That(r["principales"]!.AsArray().Count, Is.EqualTo(4));
    }

    [Test]
    public async Task Concentracion_maxima_fuera_de_rango_responde_400_nombrando_el_campo()
    {
        var problema = await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 30, 60, 90, 120 }, ordenImputacion = "vencimiento", porcentajesProvision = new[] { 1m, 5m, 10m, 25m, 50m, 100m }, concentracionMaxima = 0m,
        })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "concentracionMaxima" }));
    }

    [Test]
    public async Task Filtro_por_segmento_deja_solo_sus_clientes()
    {
        await CrearCarteraAsync();

        var r = await ConcentracionAsync("&segmento=Mayorista");

        Assert.That(((decimal?)r["total"], (int?)r["clientes"], (decimal?)r["indiceHerfindahl"]), Is.EqualTo((100_000m, 1, 1m)));
        Assert.That(r["principales"]!.AsArray().Select(p => ((string)p!["clienteId"]!, (decimal)p["participacion"]!)), Is.EqualTo(new[] { (_d, 100m) }));
    }

    [Test]
    public async Task Otra_empresa_no_ve_nada()
    {
        await CrearCarteraAsync();
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra empresa"), "Consulta");

        var r = await (await otra.GetAsync($"/api/v1/reportes/concentracion?fechaCorte={F(_corte)}")).JsonAsync();

        Assert.That(((decimal?)r["total"], (int?)r["clientes"]), Is.EqualTo((0m, 0)));
        Assert.That(r["principales"]!.AsArray(), Is.Empty);
    }

    [TestCase("cantidad=0", "cantidad")]
    [TestCase("cantidad=201", "cantidad")]
    [TestCase("fechaCorte=0001-01-01", "fechaCorte")]
    [TestCase("segmento=Ma%00yorista", "segmento")]
    public async Task Entrada_invalida_responde_400_en_espanol_nombrando_el_campo(string consulta, string campo)
    {
        var problema = await (await Api.GetAsync($"/api/v1/reportes/concentracion?{consulta}")).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { campo }));
    }

    [Test]
    public async Task Exporta_csv_xlsx_y_pdf()
    {
        await CrearCarteraAsync();

        var csv = await Api.GetAsync($"/api/v1/reportes/concentracion/exportar?fechaCorte={F(_corte)}&formato=csv");
        var xlsx = await Api.GetAsync($"/api/v1/reportes/concentracion/exportar?fechaCorte={F(_corte)}&formato=xlsx");
        var pdf = await Api.GetAsync($"/api/v1/reportes/concentracion/exportar?fechaCorte={F(_corte)}&formato=pdf");
        var malo = await (await Api.GetAsync("/api/v1/reportes/concentracion/exportar?formato=doc")).ProblemaAsync(400);

        var texto = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lineas = texto.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lineas, Has.Length.EqualTo(5));
        Assert.That(lineas[1], Does.StartWith("1;").And.Contain(";400000;400000;40;40;"));
        Assert.That(xlsx.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That((await xlsx.Content.ReadAsByteArrayAsync())[..2], Is.EqualTo("PK"u8.ToArray()));
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That((await pdf.Content.ReadAsByteArrayAsync())[..4], Is.EqualTo("%PDF"u8.ToArray()));
        Assert.That(malo.CamposConError(), Is.EqualTo(new[] { "formato" }));
    }

    [Test]
    public async Task La_antiguedad_acepta_los_filtros_de_reporte()
    {
        await CrearCarteraAsync();

        var r = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(_corte)}&agrupar=cliente&segmento=Mayorista")).JsonAsync();

        Assert.That(r["grupos"]!.AsArray().Select(g => (string)g!["clave"]!), Is.EqualTo(new[] { _d }));
        Assert.That((decimal?)r["total"], Is.EqualTo(100_000m));
    }
}
