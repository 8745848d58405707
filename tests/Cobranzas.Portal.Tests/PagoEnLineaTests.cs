using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Simuladores;
using Cobranzas.Testing;

namespace Cobranzas.Portal.Tests;

/// <summary>Paying from the portal through the company's active provider (the Flow simulator): the payment lands once.</summary>
public sealed class PagoEnLineaTests : PruebaPortal
{
    private static SimuladorFlow Flow { get; set; } = null!;

    [OneTimeSetUp]
    public async Task IniciarSimuladorAsync()
    {
        Flow = new SimuladorFlow { ClienteConfirmaciones = () => Fixture.Factory.CreateClient() };
        await Flow.IniciarAsync();
    }

    [OneTimeTearDown]
    public async Task DetenerSimuladorAsync() => await Flow.DisposeAsync();

    [SetUp]
    public async Task ActivarFlowAsync()
    {
        Flow.Ahora = () => TimeZoneInfo.ConvertTime(Fixture.Reloj.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Santiago")).DateTime;
        await (await Api.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/activar", new
        {
            credenciales = new Dictionary<string, string> { ["apiKey"] = Flow.ApiKey, ["secretKey"] = Flow.SecretKey },
            urlBase = Flow.Url.AbsoluteUri,
        })).JsonAsync();
    }

    [Test]
    public async Task Pagar_la_deuda_vencida_desde_el_portal_registra_el_pago_una_sola_vez_y_el_cliente_lo_ve_aplicado()
    {
        var vencida = await FacturaAsync(601, 119_000m, Hoy.AddDays(-12));
        await FacturaAsync(602, 40_000m, Hoy.AddDays(10));
        var portal = await SesionAsync();

        var enlace = await (await portal.PostAsJsonAsync("/api/v1/portal/pagos", new { deudaVencida = true })).JsonAsync();

        Assert.That((decimal)enlace["monto"]!, Is.EqualTo(119_000m));
        Assert.That((string)enlace["proveedor"]!, Is.EqualTo("flow"));
        Assert.That((string)enlace["url"]!, Does.StartWith(Flow.Url.AbsoluteUri));
        Assert.That(((JsonArray)enlace["documentoIds"]!).Select(d => (string)d!), Is.EqualTo(new[] { vencida.Id() }));
        var orden = Flow.OrdenDe(enlace.Id().Replace("-", ""));
        Assert.That(await Flow.PagarAsync(orden.Token), Is.EqualTo(new[] { HttpStatusCode.OK }));
        Assert.That(await Flow.RepetirConfirmacionAsync(orden.Token), Is.EqualTo(HttpStatusCode.OK));

        var estado = await (await portal.GetAsync("/api/v1/portal/estado-cuenta")).JsonAsync();
        var pagos = (JsonArray)estado["pagos"]!;
        Assert.That(pagos, Has.Count.EqualTo(1));
        Assert.That((decimal)pagos[0]!["monto"]!, Is.EqualTo(119_000m));
        Assert.That((string)pagos[0]!["canal"]!, Is.EqualTo("portal"));
        Assert.That(((JsonArray)pagos[0]!["aplicaciones"]!).Select(a => ((long)a!["folio"]!, (decimal)a["monto"]!)), Is.EqualTo(new[] { (601L, 119_000m) }));
        Assert.That((decimal)estado["saldoVencido"]!, Is.Zero);
        Assert.That(((JsonArray)estado["documentos"]!).Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 602L }));
        var enlaces = (JsonArray)(await (await portal.GetAsync("/api/v1/portal/pagos")).JsonAsync())!;
        Assert.That(enlaces.Select(e => (string)e!["estado"]!), Is.EqualTo(new[] { "pagado" }));
        var pagosCartera = (JsonArray)(await (await Api.GetAsync($"/api/v1/pagos?clienteId={ClienteId}")).JsonAsync())["items"]!;
        Assert.That(pagosCartera, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Elegir_documentos_y_sin_documentos_ni_deuda_vencida_da_400()
    {
        var doc = await FacturaAsync(603, 20_000m, Hoy.AddDays(5));
        var portal = await SesionAsync();

        var enlace = await (await portal.PostAsJsonAsync("/api/v1/portal/pagos", new { documentoIds = new[] { doc.Id() } })).JsonAsync();
        Assert.That((decimal)enlace["monto"]!, Is.EqualTo(20_000m));

        await (await portal.PostAsJsonAsync("/api/v1/portal/pagos", new { })).ProblemaAsync(400);
    }
}
