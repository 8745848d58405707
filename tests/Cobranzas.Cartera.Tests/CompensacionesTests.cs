using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class CompensacionesTests : PruebaCartera
{
    private object NotaCredito(long folio, decimal total) =>
        new { tipo = "61", folio, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = total, exento = 0m, iva = 0m, total };

    private async Task<JsonNode> CompensarAsync(JsonNode nota, object[]? lineas = null, int estado = 201) =>
        await (await Api.PostAsJsonAsync("/api/v1/compensaciones", new
        {
            notaCreditoId = nota.Id(), aplicacion = lineas is null ? "automatica" : "manual", aplicaciones = lineas, motivo = "Cruce de cuentas acordado",
        })).JsonAsync(estado);

    [Test]
    public async Task Nota_de_credito_sin_referencia_se_compensa_contra_lo_mas_antiguo_y_se_reversa_entera()
    {
        var antigua = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var nueva = await CrearDocumentoAsync(Factura(2, 2000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        var nota = await CrearDocumentoAsync(NotaCredito(90, 1500m));
        Assert.That((decimal?)nota["saldo"], Is.EqualTo(1500m), "sin referencia queda como saldo a favor");

        var compensacion = await CompensarAsync(nota);

        Assert.That(((decimal?)compensacion["monto"], (bool?)compensacion["vigente"]), Is.EqualTo((1500m, true)));
        Assert.That(compensacion["lineas"]!.AsArray().Select(l => ((long)l!["folio"]!, (decimal)l["monto"]!)), Is.EqualTo(new[] { (1L, 1000m), (2L, 500m) }));
        Assert.That((await SaldoAsync(antigua), await SaldoAsync(nueva), await SaldoAsync(nota)), Is.EqualTo((0m, 1500m, 0m)));
        var lista = await (await Api.GetAsync($"/api/v1/compensaciones?clienteId={ClienteId}")).JsonAsync();
        Assert.That(lista["items"]!.AsArray().Select(c => c!.Id()), Is.EqualTo(new[] { compensacion.Id() }));

        var reversada = await (await Api.PostAsJsonAsync($"/api/v1/compensaciones/{compensacion.Id()}/reversar", new { motivo = "Cruce mal acordado" })).JsonAsync();

        Assert.That(((bool?)reversada["vigente"], (string?)reversada["motivoReversa"]), Is.EqualTo((false, "Cruce mal acordado")));
        Assert.That(reversada["lineas"]!.AsArray().All(l => (bool)l!["activa"]! == false));
        Assert.That((await SaldoAsync(antigua), await SaldoAsync(nueva), await SaldoAsync(nota)), Is.EqualTo((1000m, 2000m, 1500m)));
        await (await Api.PostAsJsonAsync($"/api/v1/compensaciones/{compensacion.Id()}/reversar", new { motivo = "otra vez" })).ProblemaAsync(422);
    }

    [Test]
    public async Task Compensacion_manual_que_excede_el_saldo_de_la_nota_responde_422_y_no_cambia_nada()
    {
        var factura = await CrearDocumentoAsync(Factura(1, 5000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        var nota = await CrearDocumentoAsync(NotaCredito(91, 800m));

        var problema = await (await Api.PostAsJsonAsync("/api/v1/compensaciones", new
        {
            notaCreditoId = nota.Id(), aplicacion = "manual", aplicaciones = new[] { new { documentoId = factura.Id(), monto = 900m } }, motivo = "x",
        })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aplicaciones" }));
        Assert.That((await SaldoAsync(factura), await SaldoAsync(nota)), Is.EqualTo((5000m, 800m)));
        var parcial = await CompensarAsync(nota, [new { documentoId = factura.Id(), monto = 300m }]);
        Assert.That((decimal?)parcial["monto"], Is.EqualTo(300m));
        Assert.That((await SaldoAsync(factura), await SaldoAsync(nota)), Is.EqualTo((4700m, 500m)));
    }

    [Test]
    public async Task Solo_se_compensa_una_nota_de_credito_del_mismo_cliente()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var ajena = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-10), Hoy.AddDays(20), otroCliente));
        var factura = await CrearDocumentoAsync(Factura(2, 1000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        var nota = await CrearDocumentoAsync(NotaCredito(92, 500m));

        var problema = await (await Api.PostAsJsonAsync("/api/v1/compensaciones", new
        {
            notaCreditoId = factura.Id(), aplicacion = "automatica", aplicaciones = (object[]?)null, motivo = "x",
        })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "notaCreditoId" }));
        problema = await (await Api.PostAsJsonAsync("/api/v1/compensaciones", new
        {
            notaCreditoId = nota.Id(), aplicacion = "manual", aplicaciones = new[] { new { documentoId = ajena.Id(), monto = 100m } }, motivo = "x",
        })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aplicaciones[0].documentoId" }));
        Assert.That(await SaldoAsync(nota), Is.EqualTo(500m));
    }

    [Test]
    public async Task Compensacion_sobre_un_documento_luego_castigado_no_se_reversa_y_nada_cambia()
    {
        var factura = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-400), Hoy.AddDays(-370)));
        var nota = await CrearDocumentoAsync(NotaCredito(93, 400m));
        var compensacion = await CompensarAsync(nota);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{factura.Id()}/castigar", new { fecha = F(Hoy), motivo = "Incobrable" })).JsonAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/compensaciones/{compensacion.Id()}/reversar", new { motivo = "x" })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That((bool?)(await (await Api.GetAsync($"/api/v1/compensaciones/{compensacion.Id()}")).JsonAsync())["vigente"], Is.True);
        Assert.That((await SaldoAsync(factura), await SaldoAsync(nota)), Is.EqualTo((0m, 0m)));
    }
}
