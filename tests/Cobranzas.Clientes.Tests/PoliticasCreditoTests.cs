using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

public sealed class PoliticasCreditoTests : PruebaClientes
{
    private async Task<JsonArray> PoliticasAsync() => (await (await Api.GetAsync("/api/v1/politicas-credito")).JsonAsync()).AsArray();

    private async Task<string> PoliticaIdAsync(string segmento) => (await PoliticasAsync()).Single(p => (string?)p!["segmento"] == segmento)!.Id();

    [Test]
    public async Task Empresa_nueva_trae_la_tabla_de_politicas_de_credito_del_manual()
    {
        var politicas = (await PoliticasAsync())
            .Select(p => ((string?)p!["segmento"], (decimal?)p["limiteCredito"], (string?)p["monedaLimite"], (int?)p["plazoDias"], (string?)p["garantia"]))
            .ToList();

        Assert.That(politicas, Is.EqualTo(new (string?, decimal?, string?, int?, string?)[]
        {
            ("Retail", 50m, "UF", 30, "No requiere"),
            ("Mayorista", 500m, "UF", 60, "Pagaré"),
            ("Corporativo", 5000m, "UF", 90, "Boleta de garantía"),
            ("Gobierno", null, "UF", 120, "Orden de compra"),
        }));
    }

    [TestCase("Retail", 50, 30, "No requiere")]
    [TestCase("Mayorista", 500, 60, "Pagaré")]
    [TestCase("Corporativo", 5000, 90, "Boleta de garantía")]
    [TestCase("Gobierno", null, 120, "Orden de compra")]
    public async Task Cliente_sin_condiciones_propias_hereda_la_politica_de_su_segmento(string segmento, int? limite, int plazo, string garantia)
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: segmento));

        var efectiva = cliente["politicaEfectiva"]!;
        Assert.That((string?)efectiva["origen"], Is.EqualTo("politica"));
        Assert.That((string?)efectiva["segmento"], Is.EqualTo(segmento));
        Assert.That((decimal?)efectiva["limiteCredito"], Is.EqualTo((decimal?)limite));
        Assert.That((string?)efectiva["monedaLimite"], Is.EqualTo("UF"));
        Assert.That((int?)efectiva["plazoDias"], Is.EqualTo(plazo));
        Assert.That((string?)efectiva["garantia"], Is.EqualTo(garantia));
    }

    [Test]
    public async Task Condiciones_propias_del_cliente_reemplazan_a_la_politica_campo_a_campo()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"));

        var conPlazo = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/condiciones", Condiciones(plazo: 45))).JsonAsync();

        var efectiva = conPlazo["politicaEfectiva"]!;
        Assert.That((string?)efectiva["origen"], Is.EqualTo("condiciones"));
        Assert.That((int?)efectiva["plazoDias"], Is.EqualTo(45));
        Assert.That((decimal?)efectiva["limiteCredito"], Is.EqualTo(500m));
        Assert.That((string?)efectiva["monedaLimite"], Is.EqualTo("UF"));
        Assert.That((string?)efectiva["garantia"], Is.EqualTo("Pagaré"));
        Assert.That((int?)conPlazo["condiciones"]!["plazoPagoDias"], Is.EqualTo(45));
    }

    [Test]
    public async Task Limite_propio_del_cliente_usa_su_propia_moneda()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"));

        var actualizado = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/condiciones",
            Condiciones(limite: 15_000_000m, moneda: "CLP", garantias: "Cheque en garantía"))).JsonAsync();

        var efectiva = actualizado["politicaEfectiva"]!;
        Assert.That((string?)efectiva["origen"], Is.EqualTo("condiciones"));
        Assert.That((decimal?)efectiva["limiteCredito"], Is.EqualTo(15_000_000m));
        Assert.That((string?)efectiva["monedaLimite"], Is.EqualTo("CLP"));
        Assert.That((string?)efectiva["garantia"], Is.EqualTo("Cheque en garantía"));
        Assert.That((int?)efectiva["plazoDias"], Is.EqualTo(30));
    }

    [Test]
    public async Task Quitar_las_condiciones_vuelve_a_la_politica_del_segmento()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"));
        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/condiciones", Condiciones(plazo: 10))).JsonAsync();

        var sinCondiciones = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/condiciones", Condiciones())).JsonAsync();

        Assert.That(sinCondiciones["condiciones"], Is.Null);
        Assert.That((string?)sinCondiciones["politicaEfectiva"]!["origen"], Is.EqualTo("politica"));
        Assert.That((int?)sinCondiciones["politicaEfectiva"]!["plazoDias"], Is.EqualTo(30));
    }

    [Test]
    public async Task Excepciones_autorizadas_se_guardan_con_quien_las_aprobo()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"));
        var excepciones = new[] { new { descripcion = "Plazo extra en marzo", aprobadaPor = "Gerencia de Finanzas", vigenteHasta = "2027-03-31" } };

        var actualizado = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/condiciones", Condiciones(excepciones: excepciones))).JsonAsync();

        var excepcion = actualizado["excepciones"]!.AsArray().Single()!;
        Assert.That((string?)excepcion["aprobadaPor"], Is.EqualTo("Gerencia de Finanzas"));
        Assert.That((string?)excepcion["vigenteHasta"], Is.EqualTo("2027-03-31"));
    }

    [Test]
    public async Task Condiciones_invalidas_se_rechazan_nombrando_el_campo()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"));
        var url = $"/api/v1/clientes/{cliente.Id()}/condiciones";

        var sinMoneda = await (await Api.PutAsJsonAsync(url, Condiciones(limite: 100m))).ProblemaAsync(400);
        var plazoNegativo = await (await Api.PutAsJsonAsync(url, Condiciones(plazo: -1))).ProblemaAsync(400);
        var monedaRara = await (await Api.PutAsJsonAsync(url, Condiciones(limite: 100m, moneda: "USD"))).ProblemaAsync(400);

        Assert.That(sinMoneda.CamposConError(), Does.Contain("monedaLimite"));
        Assert.That(plazoNegativo.CamposConError(), Does.Contain("plazoPagoDias"));
        Assert.That(monedaRara.CamposConError(), Does.Contain("monedaLimite"));
    }

    [Test]
    public async Task Una_excepcion_null_en_las_condiciones_es_400_nombrando_el_campo()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"));

        var problema = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/condiciones", Condiciones(excepciones: [null!]))).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Has.Some.StartsWith("excepciones"));
        var mensajes = problema["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => (string)m!));
        Assert.That(mensajes, Has.Some.Contains("Cada excepción es un objeto"));
    }

    [Test]
    public async Task Cambiar_la_politica_del_segmento_cambia_la_de_sus_clientes()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"));
        var id = await PoliticaIdAsync("Mayorista");

        await (await Api.PutAsJsonAsync($"/api/v1/politicas-credito/{id}", Politica("Mayorista", 800m, plazo: 75, garantia: "Pagaré notarial"))).JsonAsync();

        var leido = await (await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}")).JsonAsync();
        Assert.That((int?)leido["politicaEfectiva"]!["plazoDias"], Is.EqualTo(75));
        Assert.That((decimal?)leido["politicaEfectiva"]!["limiteCredito"], Is.EqualTo(800m));
        Assert.That((string?)leido["politicaEfectiva"]!["garantia"], Is.EqualTo("Pagaré notarial"));
    }

    [Test]
    public async Task Nuevo_segmento_con_su_politica_admite_clientes()
    {
        var creada = await (await Api.PostAsJsonAsync("/api/v1/politicas-credito", Politica("Exportador", 2000m, plazo: 45, garantia: "Carta de crédito"))).JsonAsync(201);

        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Exportador"));

        Assert.That((string?)creada["segmento"], Is.EqualTo("Exportador"));
        Assert.That((int?)cliente["politicaEfectiva"]!["plazoDias"], Is.EqualTo(45));
    }

    [Test]
    public async Task Cliente_de_un_segmento_sin_politica_responde_422_nombrando_segmento()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/clientes", Datos.Cliente(segmento: "Minería"))).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "segmento" }));
    }

    [Test]
    public async Task Segmento_repetido_responde_409()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/politicas-credito", Politica("Retail", 10m))).ProblemaAsync(409);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "segmento" }));
    }

    [Test]
    public async Task Segmento_con_clientes_no_se_puede_renombrar()
    {
        await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"));
        var id = await PoliticaIdAsync("Retail");

        var problema = await (await Api.PutAsJsonAsync($"/api/v1/politicas-credito/{id}", Politica("Minorista", 50m))).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "segmento" }));
    }

    /// <summary>The contract fuzzer's seed 8550505578803768853 found the 500: decimal.MaxValue overflowed numeric(18,4).</summary>
    [Test]
    public async Task Un_limite_que_no_cabe_se_rechaza_nombrando_el_campo_y_no_cambia_nada()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"));
        var id = await PoliticaIdAsync("Retail");
        var antes = await Fixture.ContarFilasAsync();

        var politica = await (await Api.PutAsJsonAsync($"/api/v1/politicas-credito/{id}", Politica("Retail", decimal.MaxValue))).ProblemaAsync(400);
        var condiciones = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/condiciones", Condiciones(limite: decimal.MaxValue, moneda: "UF"))).ProblemaAsync(400);

        Assert.That((politica.CamposConError(), condiciones.CamposConError()), Is.EqualTo((new[] { "limiteCredito" }, new[] { "limiteCredito" })));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EquivalentTo(antes));
    }

    [Test]
    public async Task Politica_invalida_se_rechaza_nombrando_los_campos()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/politicas-credito", Politica("", -5m, moneda: "EUR", plazo: 5000, garantia: ""))).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.SupersetOf(new[] { "segmento", "limiteCredito", "monedaLimite", "plazoDias", "garantia" }));
    }

    private static object Condiciones(int? plazo = null, decimal? limite = null, string? moneda = null, string? garantias = null, object[]? excepciones = null) =>
        new
        {
            plazoPagoDias = plazo, descuentoProntoPagoPorcentaje = (decimal?)null, diasProntoPago = (int?)null, tasaInteresMoraMensual = (decimal?)null,
            limiteCredito = limite, monedaLimite = moneda, garantias, excepciones,
        };

    private static object Politica(string segmento, decimal? limite, string moneda = "UF", int plazo = 30, string garantia = "No requiere", int tolerancia = 0) =>
        new { segmento, limiteCredito = limite, monedaLimite = moneda, plazoDias = plazo, garantia, diasTolerancia = tolerancia };
}
