using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Credito;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

public sealed class CreditoTests : PruebaCartera
{
    private async Task<JsonNode> CreditoAsync() => await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/credito")).JsonAsync();

    private async Task<string> EstadoAsync() => (string)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["estadoCredito"]!;

    private async Task LimiteAsync(decimal? limite, string moneda = "CLP") =>
        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{ClienteId}/condiciones", new { limiteCredito = limite, monedaLimite = limite is null ? null : moneda })).JsonAsync();

    private static Task<int> EjecutarJobAsync() => Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<ControlCreditoJob>().EjecutarAsync(CancellationToken.None));

    private async Task ToleranciaRetailAsync(int dias)
    {
        var politicas = await (await Api.GetAsync("/api/v1/politicas-credito")).JsonAsync();
        var retail = politicas.AsArray().Single(p => (string)p!["segmento"]! == "Retail")!;
        await (await Api.PutAsJsonAsync($"/api/v1/politicas-credito/{retail.Id()}", new
        {
            segmento = "Retail", limiteCredito = (decimal?)retail["limiteCredito"], monedaLimite = (string)retail["monedaLimite"]!,
            plazoDias = (int)retail["plazoDias"]!, garantia = (string)retail["garantia"]!, diasTolerancia = dias,
        })).JsonAsync();
    }

    [Test]
    public async Task El_credito_dice_la_fecha_del_valor_uf_usado_y_avisa_cuando_es_de_un_mes_anterior()
    {
        var fechaUf = Hoy;
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(fechaUf), valor = 40000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        await LimiteAsync(5000m, "UF");

        var alDia = await CreditoAsync();
        Fixture.Reloj.Advance(TimeSpan.FromDays(70));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        var atrasada = await CreditoAsync();
        await LimiteAsync(1_000_000m, "CLP");
        var enPesos = await CreditoAsync();

        Assert.That(((string?)alDia["fechaUf"], (bool?)alDia["ufDesactualizada"]), Is.EqualTo((F(fechaUf), false)));
        Assert.That(((string?)atrasada["fechaUf"], (bool?)atrasada["ufDesactualizada"], (decimal?)atrasada["limiteClp"]), Is.EqualTo((F(fechaUf), true, 200_000_000m)));
        Assert.That(((string?)enPesos["fechaUf"], (bool?)enPesos["ufDesactualizada"]), Is.EqualTo(((string?)null, false)), "un límite en pesos no usa la UF");
    }

    [Test]
    public async Task Credito_muestra_limite_exposicion_y_disponible_con_limite_en_uf_al_valor_de_hoy()
    {
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        await LimiteAsync(100m, "UF");
        await CrearDocumentoAsync(Factura(1, 1_500_000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        await CrearDocumentoAsync(new { tipo = "33", folio = 2L, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy.AddDays(30)), moneda = "UF", neto = 10m, exento = 0m, iva = 0m, total = 10m });

        var credito = await CreditoAsync();

        Assert.That(((decimal?)credito["limite"], (string?)credito["moneda"], (decimal?)credito["limiteClp"]), Is.EqualTo((100m, "UF", 4_000_000m)));
        Assert.That(((decimal?)credito["exposicion"], (decimal?)credito["disponible"]), Is.EqualTo((1_900_000m, 2_100_000m)));
        Assert.That(((string?)credito["estado"], credito["motivos"]!.AsArray().Count), Is.EqualTo(("vigente", 0)));
        await LimiteAsync(null);
        await (await Api.GetAsync($"/api/v1/clientes/{Guid.NewGuid()}/credito")).ProblemaAsync(404);
    }

    [Test]
    public async Task Exposicion_suma_los_documentos_en_dolares_al_ultimo_dolar_observado_y_sin_el_lo_dice()
    {
        await CrearDocumentoAsync(Factura(1, 100_000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        await CrearDocumentoAsync(new { tipo = "110", folio = 2L, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy.AddDays(30)), moneda = "USD", neto = 0m, exento = 1_000.50m, iva = 0m, total = 1_000.50m });

        var sinDolar = await CreditoAsync();
        Assert.That((decimal?)sinDolar["exposicion"], Is.EqualTo(100_000m));
        Assert.That(sinDolar["motivos"]!.AsArray().Select(m => (string)m!["codigo"]!), Does.Contain("sin_conversion"));

        await (await Api.PutAsJsonAsync("/api/v1/valores-dolar", new[] { new { fecha = F(Hoy.AddDays(-1)), valor = 950.20m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);

        var conDolar = await CreditoAsync();
        Assert.That((decimal?)conDolar["exposicion"], Is.EqualTo(100_000m + 950_675m), "1 000,50 USD x 950,20 = 950 675,10 -> 950 675");
        Assert.That(conDolar["motivos"]!.AsArray().Select(m => (string)m!["codigo"]!), Does.Not.Contain("sin_conversion"));

        var sinDolarHoy = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}")).ProblemaAsync(422);
        Assert.That(sinDolarHoy.CamposConError(), Is.EqualTo(new[] { "fechaCorte" }), "la antigüedad exige el dólar de la fecha de corte, nunca un cero");
        var aging = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy.AddDays(-1))}")).JsonAsync();
        Assert.That((decimal?)aging["total"], Is.EqualTo(100_000m), "el documento en USD aún no existía ayer");
        await (await Api.PutAsJsonAsync("/api/v1/valores-dolar", new[] { new { fecha = F(Hoy), valor = 951.00m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        aging = await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}")).JsonAsync();
        Assert.That((decimal?)aging["total"], Is.EqualTo(100_000m + 951_476m), "1 000,50 USD x 951,00 = 951 475,50 -> 951 476");
    }

    [Test]
    public async Task Cliente_sobre_su_limite_se_suspende_y_un_pago_lo_restaura()
    {
        await LimiteAsync(1000m);
        await CrearDocumentoAsync(Factura(1, 1500m, Hoy, Hoy.AddDays(30)));

        Assert.That(await EjecutarJobAsync(), Is.EqualTo(1));
        Assert.That(await EstadoAsync(), Is.EqualTo("suspendido"));
        var credito = await CreditoAsync();
        Assert.That(credito["motivos"]!.AsArray().Select(m => (string)m!["codigo"]!), Is.EqualTo(new[] { "sobre_limite" }));
        Assert.That((decimal?)credito["disponible"], Is.EqualTo(-500m));

        Fixture.Reloj.Advance(TimeSpan.FromMinutes(1));
        await PagarAsync(600m, Hoy);

        Assert.That(await EstadoAsync(), Is.EqualTo("vigente"));
        var historial = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-credito")).JsonAsync();
        Assert.That(historial.AsArray().Select(h => ((string)h!["estadoNuevo"]!, (string)h["actor"]!)),
            Is.EqualTo(new[] { ("vigente", "sistema: control de crédito"), ("suspendido", "sistema: control de crédito") }));
    }

    [Test]
    public async Task Mora_mayor_que_la_tolerancia_suspende_al_pasar_los_dias_y_nunca_levanta_un_bloqueo_manual()
    {
        await ToleranciaRetailAsync(5);
        await LimiteAsync(null);
        var otro = (await Api.CrearClienteAsync()).Id();
        await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-20), Hoy.AddDays(-1)));
        await CrearDocumentoAsync(Factura(2, 1000m, Hoy.AddDays(-20), Hoy.AddDays(-1), clienteId: otro));
        await (await Api.PostAsJsonAsync($"/api/v1/clientes/{otro}/estado-credito", new { estado = "bloqueado", motivo = "Decisión de gerencia" })).JsonAsync();

        Assert.That(await EjecutarJobAsync(), Is.EqualTo(0), "un día de mora está dentro de la tolerancia");
        Fixture.Reloj.Advance(TimeSpan.FromDays(5));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        Assert.That(await EjecutarJobAsync(), Is.EqualTo(1));

        Assert.That(await EstadoAsync(), Is.EqualTo("suspendido"));
        Assert.That((await CreditoAsync())["motivos"]!.AsArray().Select(m => (string)m!["codigo"]!), Is.EquivalentTo(new[] { "mora", "sin_valor_uf" }));
        await PagarAsync(1000m, Hoy, clienteId: otro);
        Assert.That((string?)(await (await Api.GetAsync($"/api/v1/clientes/{otro}")).JsonAsync())["estadoCredito"], Is.EqualTo("bloqueado"));
        await PagarAsync(1000m, Hoy);
        Assert.That(await EstadoAsync(), Is.EqualTo("vigente"));
    }

    [Test]
    public async Task Suspension_manual_no_se_levanta_automaticamente()
    {
        await LimiteAsync(1000m);
        await (await Api.PostAsJsonAsync($"/api/v1/clientes/{ClienteId}/estado-credito", new { estado = "suspendido", motivo = "Revisión de antecedentes" })).JsonAsync();

        Assert.That(await EjecutarJobAsync(), Is.EqualTo(0));
        await CrearDocumentoAsync(Factura(1, 500m, Hoy, Hoy.AddDays(30)));
        await PagarAsync(100m, Hoy);

        Assert.That(await EstadoAsync(), Is.EqualTo("suspendido"));
    }
}
