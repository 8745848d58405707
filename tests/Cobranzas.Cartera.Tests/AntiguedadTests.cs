using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The cut-off is five days ago. Client 1: D1 100.000 not yet due; D2 200.000 10 days overdue; D3 300.000
/// 45 days, 150.000 paid 3 days before the cut-off (payment of 170.000: 20.000 left as saldo a favor);
/// D4 400.000 75 days, 100.000 paid 3 days after the cut-off; D5 500.000 100 days, credit note of 120.000
/// the day before; D6 600.000 200 days, 50.000 paid 20 days before and reversed after the cut-off; D7
/// issued after the cut-off. Client 2: 200.000 5 days overdue.
/// </summary>
public sealed class AntiguedadTests : PruebaCartera
{
    private DateOnly _corte;
    private string _cliente2 = null!;
    private JsonNode _d2 = null!;

    private async Task CrearCarteraAsync()
    {
        _corte = Hoy.AddDays(-5);
        var emision = _corte.AddDays(-250);
        await CrearDocumentoAsync(Factura(1, 100_000m, emision, _corte.AddDays(10)));
        _d2 = await CrearDocumentoAsync(Factura(2, 200_000m, emision, _corte.AddDays(-10)));
        var d3 = await CrearDocumentoAsync(Factura(3, 300_000m, emision, _corte.AddDays(-45)));
        var d4 = await CrearDocumentoAsync(Factura(4, 400_000m, emision, _corte.AddDays(-75)));
        await CrearDocumentoAsync(Factura(5, 500_000m, emision, _corte.AddDays(-100)));
        var d6 = await CrearDocumentoAsync(Factura(6, 600_000m, emision, _corte.AddDays(-200)));
        await CrearDocumentoAsync(Factura(7, 700_000m, _corte.AddDays(2), _corte.AddDays(30)));
        _cliente2 = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(8, 200_000m, emision, _corte.AddDays(-5), _cliente2));

        await PagarAsync(170_000m, _corte.AddDays(-3), [new { documentoId = d3.Id(), monto = 150_000m }]);
        await PagarAsync(100_000m, _corte.AddDays(3), [new { documentoId = d4.Id(), monto = 100_000m }]);
        await CrearDocumentoAsync(new
        {
            tipo = "61", folio = 1, clienteId = ClienteId, fechaEmision = F(_corte.AddDays(-1)), moneda = "CLP", neto = 120_000m, exento = 0m, iva = 0m, total = 120_000m,
            referencia = new { tipo = "33", folio = 5 },
        });
        var revertido = await PagarAsync(50_000m, _corte.AddDays(-20), [new { documentoId = d6.Id(), monto = 50_000m }]);
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{revertido["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Cheque devuelto" })).JsonAsync();
    }

    private static decimal[] Tramos(JsonNode nodo) => nodo.AsArray().Select(t => (decimal)t!["monto"]!).ToArray();

    [Test]
    public async Task Antiguedad_a_la_fecha_de_corte_por_cliente_cuadra_peso_a_peso()
    {
        await CrearCarteraAsync();

        var r = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(_corte)}&agrupar=cliente")).JsonAsync();

        Assert.That(r["definicionTramos"]!.AsArray().Select(t => (string)t!["codigo"]!), Is.EqualTo(new[] { "por_vencer", "1-30", "31-60", "61-90", "91-120", "mas_120" }));
        var grupos = r["grupos"]!.AsArray();
        Assert.That(grupos.Select(g => (string)g!["clave"]!), Is.EqualTo(new[] { ClienteId, _cliente2 }));
        Assert.That(Tramos(grupos[0]!["tramos"]!), Is.EqualTo(new[] { 100_000m, 200_000m, 150_000m, 400_000m, 380_000m, 550_000m }));
        Assert.That((decimal?)grupos[0]!["total"], Is.EqualTo(1_780_000m));
        Assert.That(Tramos(grupos[1]!["tramos"]!), Is.EqualTo(new[] { 0m, 200_000m, 0m, 0m, 0m, 0m }));
        Assert.That(Tramos(r["totales"]!), Is.EqualTo(new[] { 100_000m, 400_000m, 150_000m, 400_000m, 380_000m, 550_000m }));
        Assert.That(((decimal?)r["total"], (int?)r["totalGrupos"]), Is.EqualTo((1_980_000m, 2)));
    }

    [Test]
    public async Task Antiguedad_de_hoy_cuenta_el_pago_posterior_la_reversa_y_el_documento_nuevo()
    {
        await CrearCarteraAsync();

        var r = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync();

        // 100 + 200 + 150 + 300 + 380 + 600 + 700 (client 1) + 200 (client 2), in thousands.
        Assert.That((decimal?)r["total"], Is.EqualTo(2_630_000m));
        Assert.That((decimal?)r["grupos"]![0]!["total"], Is.EqualTo(2_630_000m));
    }

    [Test]
    public async Task Antiguedad_por_segmento_y_paginada_por_cliente()
    {
        await CrearCarteraAsync();

        var segmentos = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(_corte)}&agrupar=segmento")).JsonAsync();
        var segundaPagina = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(_corte)}&agrupar=cliente&pagina=2&tamanoPagina=1")).JsonAsync();

        Assert.That(segmentos["grupos"]!.AsArray().Select(g => ((string)g!["clave"]!, (decimal)g["total"]!)), Is.EqualTo(new[] { ("Retail", 1_980_000m) }));
        Assert.That(segundaPagina["grupos"]!.AsArray().Select(g => (string)g!["clave"]!), Is.EqualTo(new[] { _cliente2 }));
        Assert.That(((decimal?)segundaPagina["total"], (int?)segundaPagina["totalGrupos"]), Is.EqualTo((1_980_000m, 2)));
    }

    [Test]
    public async Task Estado_de_cuenta_a_la_fecha_de_corte()
    {
        await CrearCarteraAsync();

        var e = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(_corte)}&desde={F(_corte.AddDays(-30))}")).JsonAsync();

        Assert.That(((decimal?)e["saldo"], (decimal?)e["saldoVencido"]), Is.EqualTo((1_780_000m, 1_680_000m)));
        Assert.That(Tramos(e["antiguedad"]!), Is.EqualTo(new[] { 100_000m, 200_000m, 150_000m, 400_000m, 380_000m, 550_000m }));
        Assert.That(e["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["saldo"]!, (int)d["diasVencido"]!)),
            Is.EqualTo(new[] { (6L, 550_000m, 200), (5L, 380_000m, 100), (4L, 400_000m, 75), (3L, 150_000m, 45), (2L, 200_000m, 10), (1L, 100_000m, 0) }));
        Assert.That(e["saldoAFavor"]!.AsArray().Select(s => ((string)s!["moneda"]!, (decimal)s["monto"]!)), Is.EqualTo(new[] { ("CLP", 20_000m) }));
        Assert.That(e["pagos"]!.AsArray().Select(p => (decimal)p!["monto"]!), Is.EqualTo(new[] { 50_000m, 170_000m }));
    }

    [Test]
    public async Task Estado_de_cuenta_de_cliente_inexistente_responde_404()
    {
        await (await Api.GetAsync($"/api/v1/clientes/{Guid.NewGuid()}/estado-cuenta")).ProblemaAsync(404);
    }

    [Test]
    public async Task Documento_en_UF_sin_valor_UF_del_corte_responde_422_y_con_valor_se_convierte()
    {
        var corte = Hoy.AddDays(-1);
        await CrearDocumentoAsync(new { tipo = "33", folio = 1, clienteId = ClienteId, fechaEmision = F(corte.AddDays(-40)), fechaVencimiento = F(corte.AddDays(-10)), moneda = "UF", neto = 10.5m, exento = 0m, iva = 0m, total = 10.5m });

        var sinValor = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(corte)}")).ProblemaAsync(422);
        Assert.That(sinValor.CamposConError(), Is.EqualTo(new[] { "fechaCorte" }));
        Assert.That((string?)sinValor["detail"], Does.Contain(F(corte)));

        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(corte), valor = 38_000.50m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        var r = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(corte)}")).JsonAsync();

        Assert.That(Tramos(r["totales"]!), Is.EqualTo(new[] { 0m, 399_005m, 0m, 0m, 0m, 0m }));
    }

    [Test]
    public async Task Agrupacion_desconocida_responde_400_nombrando_agrupar()
    {
        var problema = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=region")).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "agrupar" }));
    }
}
