using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Portal.Tests;

/// <summary>Issue 16 §3: an agreement request from the portal arrives in Cartera as a draft convenio, and the portal shows where it stands.</summary>
public sealed class ConvenioPortalTests : PruebaPortal
{
    [Test]
    public async Task Una_solicitud_de_convenio_crea_un_borrador_de_origen_portal_y_el_portal_muestra_su_estado()
    {
        var elegido = await FacturaAsync(601, 300_000m, Hoy.AddDays(-40));
        await FacturaAsync(602, 50_000m, Hoy.AddDays(-10));
        var portal = await SesionAsync();

        var solicitud = await (await portal.PostAsJsonAsync("/api/v1/portal/solicitudes",
            new { tipo = "convenio", mensaje = "Propongo pagar en 3 cuotas", documentoIds = new[] { elegido.Id() }, cuotas = 3 })).JsonAsync(201);
        Assert.That(((string)solicitud["convenio"]!["estado"]!, (int)solicitud["convenio"]!["numeroCuotas"]!), Is.EqualTo(("borrador", 3)));

        var convenios = (await (await Api.GetAsync($"/api/v1/convenios?clienteId={ClienteId}")).JsonAsync()).AsArray();
        Assert.That(convenios.Select(c => ((string)c!["estado"]!, (string)c["origen"]!, (string)c["tipo"]!, (int)c["numeroCuotas"]!)),
            Is.EqualTo(new[] { ("borrador", "portal", "pago_en_cuotas", 3) }));
        var convenio = await (await Api.GetAsync($"/api/v1/convenios/{convenios[0]!.Id()}")).JsonAsync();
        Assert.That(convenio["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["saldo"]!)), Is.EqualTo(new[] { (601L, 300_000m) }));
        Assert.That(((string)convenio["solicitudPortalId"]!, (string)convenio["primeraFecha"]!), Is.EqualTo((solicitud.Id(), F(Hoy.AddMonths(1)))));
        Assert.That(await SaldoDocumentoAsync(elegido), Is.EqualTo(300_000m), "Un borrador no toca los documentos.");

        await (await Api.PostAsJsonAsync($"/api/v1/convenios/{convenio.Id()}/anular", new { motivo = "El cliente prefiere pagar al contado" })).JsonAsync();
        var vista = (await (await portal.GetAsync("/api/v1/portal/solicitudes")).JsonAsync()).AsArray().Single(s => s!.Id() == solicitud.Id())!;
        Assert.That(((string)vista["convenio"]!["estado"]!, (long)vista["convenio"]!["numero"]!), Is.EqualTo(("anulado", (long)convenio["numero"]!)));
    }

    [Test]
    public async Task Sin_documentos_elegidos_el_borrador_toma_todo_lo_adeudado_en_pesos()
    {
        await FacturaAsync(611, 100_000m, Hoy.AddDays(-40));
        await FacturaAsync(612, 60_000m, Hoy.AddDays(5));
        var portal = await SesionAsync();

        var solicitud = await (await portal.PostAsJsonAsync("/api/v1/portal/solicitudes", new { tipo = "convenio", mensaje = "Todo en 2 cuotas", cuotas = 2 })).JsonAsync(201);
        var convenio = (await (await Api.GetAsync($"/api/v1/convenios?clienteId={ClienteId}")).JsonAsync()).AsArray().Single()!;
        Assert.That(((long)solicitud["convenio"]!["numero"]!, (decimal)convenio["montoConvenido"]! >= 160_000m), Is.EqualTo(((long)convenio["numero"]!, true)));
    }

    [Test]
    public async Task Una_solicitud_sobre_un_documento_ajeno_se_rechaza_y_no_deja_tarea_ni_borrador()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var ajeno = await FacturaAsync(621, 100_000m, Hoy.AddDays(-40), otroCliente);
        var portal = await SesionAsync();
        var filas = await Fixture.ContarFilasAsync();

        var problema = await (await portal.PostAsJsonAsync("/api/v1/portal/solicitudes",
            new { tipo = "convenio", mensaje = "Cuotas", documentoIds = new[] { ajeno.Id() }, cuotas = 2 })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "documentoIds[0]" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
    }

    private async Task<decimal> SaldoDocumentoAsync(JsonNode doc) => (decimal)(await (await Api.GetAsync($"/api/v1/documentos/{doc.Id()}")).JsonAsync())["saldo"]!;
}
