using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

/// <summary>Credit insurance: policies, insured limit per client, exposure above it flagged, claims to report before the deadline.</summary>
public sealed class SeguroCreditoTests : PruebaClientes
{
    private long _folio = 900;

    private static DateOnly Hoy => FechaNegocio.Hoy(Fixture.Reloj);

    private static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<JsonNode> PolizaAsync(int diasDenuncia = 60, string numero = "POL-2026-001", DateOnly? hasta = null) =>
        await (await Api.PostAsJsonAsync("/api/v1/credito/seguros/polizas", new
        {
            aseguradora = "Continental Seguros", numeroPoliza = numero, vigenciaDesde = F(Hoy.AddYears(-1)), vigenciaHasta = F(hasta ?? Hoy.AddYears(1)),
            porcentajeCobertura = 90m, diasDenuncia,
        })).JsonAsync(201);

    private async Task FacturaAsync(string clienteId, decimal total, DateOnly vencimiento) =>
        await (await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = ++_folio, clienteId, fechaEmision = F(vencimiento.AddDays(-30)), fechaVencimiento = F(vencimiento), moneda = "CLP", neto = total, exento = 0m,
            iva = 0m, total,
        })).JsonAsync(201);

    private async Task<JsonNode> AsegurarAsync(string clienteId, string polizaId, decimal limite) =>
        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{clienteId}/seguro", new { polizaId, limiteAsegurado = limite })).JsonAsync();

    [Test]
    public async Task Exposicion_igual_al_limite_asegurado_no_se_marca_y_un_peso_mas_si()
    {
        var poliza = (await PolizaAsync()).Id();
        var justo = (await Api.CrearClienteAsync()).Id();
        var sobre = (await Api.CrearClienteAsync()).Id();
        await FacturaAsync(justo, 1_000_000m, Hoy.AddDays(10));
        await FacturaAsync(sobre, 1_000_001m, Hoy.AddDays(10));

        var seguroJusto = await AsegurarAsync(justo, poliza, 1_000_000m);
        var seguroSobre = await AsegurarAsync(sobre, poliza, 1_000_000m);
        var excesos = (await (await Api.GetAsync("/api/v1/credito/seguros/excesos")).JsonAsync()).AsArray();
        var polizas = (await (await Api.GetAsync("/api/v1/credito/seguros/polizas")).JsonAsync()).AsArray();

        Assert.That(((bool?)seguroJusto["excedido"], (decimal?)seguroJusto["exceso"], (decimal?)seguroJusto["exposicion"]), Is.EqualTo(((bool?)false, (decimal?)0m, (decimal?)1_000_000m)));
        Assert.That(((bool?)seguroSobre["excedido"], (decimal?)seguroSobre["exceso"]), Is.EqualTo(((bool?)true, (decimal?)1m)));
        Assert.That(excesos.Select(e => (string?)e!["clienteId"]), Is.EqualTo(new[] { sobre }));
        Assert.That(((int?)polizas.Single()!["clientesAsegurados"], (decimal?)polizas.Single()!["limiteAseguradoTotal"], (bool?)polizas.Single()!["vigente"]),
            Is.EqualTo(((int?)2, (decimal?)2_000_000m, (bool?)true)));
    }

    [Test]
    public async Task Poliza_vencida_no_cubre_y_toda_la_exposicion_queda_marcada()
    {
        var poliza = (await PolizaAsync(hasta: Hoy.AddDays(-1))).Id();
        var cliente = (await Api.CrearClienteAsync()).Id();
        await FacturaAsync(cliente, 300_000m, Hoy.AddDays(10));

        var seguro = await AsegurarAsync(cliente, poliza, 1_000_000m);

        Assert.That(((bool?)seguro["polizaVigente"], (bool?)seguro["excedido"], (decimal?)seguro["exceso"]), Is.EqualTo(((bool?)false, (bool?)true, (decimal?)300_000m)));
    }

    [Test]
    public async Task Siniestros_por_denunciar_lista_los_vencidos_cuyo_plazo_cae_en_la_ventana()
    {
        var poliza = (await PolizaAsync(diasDenuncia: 60)).Id();
        var asegurado = (await Api.CrearClienteAsync()).Id();
        var noAsegurado = (await Api.CrearClienteAsync()).Id();
        await AsegurarAsync(asegurado, poliza, 5_000_000m);
        // Due 50 days ago: deadline in 10 days. Due 40 days ago: in 20 days (outside a 15-day window). Due 61 days ago: lapsed.
        await FacturaAsync(asegurado, 100_000m, Hoy.AddDays(-50));
        await FacturaAsync(asegurado, 200_000m, Hoy.AddDays(-40));
        await FacturaAsync(asegurado, 300_000m, Hoy.AddDays(-61));
        await FacturaAsync(noAsegurado, 400_000m, Hoy.AddDays(-50));

        var hoy = (await (await Api.GetAsync("/api/v1/credito/seguros/siniestros-por-denunciar?dias=15")).JsonAsync()).AsArray();
        Fixture.Reloj.Advance(TimeSpan.FromDays(6));
        // The session token has expired six days later: a fresh sign-in.
        var api = await Fixture.ClienteHttpAsync(Empresa);
        var en6Dias = (await (await api.GetAsync("/api/v1/credito/seguros/siniestros-por-denunciar?dias=15")).JsonAsync()).AsArray();

        Assert.That(hoy.Select(s => ((decimal?)s!["saldo"], (int?)s["diasRestantes"])), Is.EqualTo(new[] { ((decimal?)100_000m, (int?)10) }));
        Assert.That((string?)hoy.Single()!["fechaLimiteDenuncia"], Is.EqualTo(F(Hoy.AddDays(-6 + 10))));
        Assert.That(en6Dias.Select(s => ((decimal?)s!["saldo"], (int?)s["diasRestantes"])), Is.EqualTo(new[] { ((decimal?)100_000m, (int?)4), ((decimal?)200_000m, (int?)14) }));
    }

    [Test]
    public async Task Datos_invalidos_y_NUL_se_rechazan_sin_crear_nada()
    {
        var nul = await (await Api.PostAsJsonAsync("/api/v1/credito/seguros/polizas", new
        {
            aseguradora = "Conti\u0000nental", numeroPoliza = "P-1", vigenciaDesde = F(Hoy), vigenciaHasta = F(Hoy.AddYears(1)), porcentajeCobertura = 90m, diasDenuncia = 60,
        })).ProblemaAsync(400);
        var fechas = await (await Api.PostAsJsonAsync("/api/v1/credito/seguros/polizas", new
        {
            aseguradora = "Continental", numeroPoliza = "P-1", vigenciaDesde = F(Hoy), vigenciaHasta = F(Hoy.AddDays(-1)), porcentajeCobertura = 120m, diasDenuncia = 0,
        })).ProblemaAsync(400);
        await PolizaAsync();
        var repetida = await (await Api.PostAsJsonAsync("/api/v1/credito/seguros/polizas", new
        {
            aseguradora = "Continental Seguros", numeroPoliza = "POL-2026-001", vigenciaDesde = F(Hoy), vigenciaHasta = F(Hoy.AddYears(1)), porcentajeCobertura = 80m, diasDenuncia = 30,
        })).ProblemaAsync(409);
        var cliente = (await Api.CrearClienteAsync()).Id();
        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente}/seguro", new { polizaId = Guid.NewGuid(), limiteAsegurado = 1000m })).ProblemaAsync(404);
        var limite = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente}/seguro", new { polizaId = Guid.NewGuid(), limiteAsegurado = -1m })).ProblemaAsync(400);

        Assert.That(nul.CamposConError(), Is.EqualTo(new[] { "aseguradora" }));
        Assert.That(fechas.CamposConError(), Is.EquivalentTo(new[] { "vigenciaHasta", "porcentajeCobertura", "diasDenuncia" }));
        Assert.That(repetida.CamposConError(), Is.EqualTo(new[] { "numeroPoliza" }));
        Assert.That(limite.CamposConError(), Is.EqualTo(new[] { "limiteAsegurado" }));
        Assert.That((await (await Api.GetAsync("/api/v1/credito/seguros/polizas")).JsonAsync()).AsArray(), Has.Count.EqualTo(1));
        Assert.That((bool?)(await (await Api.GetAsync($"/api/v1/clientes/{cliente}/seguro")).JsonAsync())["asegurado"], Is.False);
    }

    [Test]
    public async Task Cobrador_ve_el_seguro_pero_no_lo_configura_y_otra_empresa_no_lo_ve()
    {
        var poliza = (await PolizaAsync()).Id();
        var cliente = (await Api.CrearClienteAsync()).Id();
        await FacturaAsync(cliente, 2_000_000m, Hoy.AddDays(10));
        await AsegurarAsync(cliente, poliza, 1_000_000m);
        var cobrador = await Fixture.ClienteHttpAsync(Empresa, Roles.Cobrador);
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));

        Assert.That((await cobrador.GetAsync($"/api/v1/clientes/{cliente}/seguro")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await cobrador.PutAsJsonAsync($"/api/v1/clientes/{cliente}/seguro", new { polizaId = poliza, limiteAsegurado = 9_000_000m })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await otra.GetAsync($"/api/v1/clientes/{cliente}/seguro")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await otra.PutAsJsonAsync($"/api/v1/clientes/{cliente}/seguro", new { polizaId = poliza, limiteAsegurado = 1m })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await (await otra.GetAsync("/api/v1/credito/seguros/excesos")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((await (await otra.GetAsync("/api/v1/credito/seguros/polizas")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((decimal?)(await (await Api.GetAsync($"/api/v1/clientes/{cliente}/seguro")).JsonAsync())["limiteAsegurado"], Is.EqualTo(1_000_000m));
    }
}
