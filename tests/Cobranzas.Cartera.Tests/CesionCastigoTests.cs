using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class CesionCastigoTests : PruebaCartera
{
    private static readonly object Factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" };

    private async Task<JsonNode> AntiguedadAsync() => await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync();

    private async Task<JsonNode> CreditoAsync() => await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/credito")).JsonAsync();

    private async Task<JsonNode> AccionAsync(JsonNode doc, string accion, object cuerpo, int estado = 200) =>
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/{accion}", cuerpo)).JsonAsync(estado);

    [Test]
    public async Task Documento_cedido_sale_de_la_antiguedad_y_la_exposicion_pero_conserva_su_historia()
    {
        var cedida = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await CrearDocumentoAsync(Factura(2, 500m, Hoy.AddDays(-5), Hoy.AddDays(25)));
        await PagarAsync(300m, Hoy, [new { documentoId = cedida.Id(), monto = 300m }]);

        var doc = await AccionAsync(cedida, "ceder", new { factor = Factor, fecha = F(Hoy), fechaNotificacion = F(Hoy), notas = "Cesión electrónica" });

        Assert.That(((string?)doc["estado"], (decimal?)doc["saldo"]), Is.EqualTo(("cedido", 700m)));
        Assert.That(((string?)doc["cesion"]!["factor"], (string?)doc["cesion"]!["factorRut"], (bool?)doc["cesion"]!["vigente"]),
            Is.EqualTo(("Factoring del Sur S.A.", "76086428-5", true)));
        Assert.That(doc["aplicaciones"]!.AsArray(), Has.Count.EqualTo(1), "la historia se conserva");
        Assert.That((decimal?)(await AntiguedadAsync())["total"], Is.EqualTo(500m));
        Assert.That((decimal?)(await CreditoAsync())["exposicion"], Is.EqualTo(500m));
        var cedidos = await (await Api.GetAsync("/api/v1/documentos?estado=cedido")).JsonAsync();
        Assert.That(cedidos["items"]!.AsArray().Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 1L }));
        var vencidos = await (await Api.GetAsync("/api/v1/documentos?estado=vencido")).JsonAsync();
        Assert.That(vencidos["items"]!.AsArray(), Is.Empty);
        await AccionAsync(cedida, "ceder", new { factor = Factor, fecha = F(Hoy) }, 422);
        await AccionAsync(cedida, "castigar", new { fecha = F(Hoy), motivo = "x" }, 422);

        var recomprado = await AccionAsync(cedida, "ceder/revertir", new { motivo = "Recompra al factor" });

        Assert.That(((string?)recomprado["estado"], (bool?)recomprado["cesion"]!["vigente"]), Is.EqualTo(("vencido", false)));
        Assert.That((decimal?)(await AntiguedadAsync())["total"], Is.EqualTo(1200m));
        Assert.That((decimal?)(await CreditoAsync())["exposicion"], Is.EqualTo(1200m));
    }

    [Test]
    public async Task Castigo_deja_el_documento_castigado_fuera_de_la_antiguedad_y_en_el_estado_de_cuenta_conservando_el_dinero()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-400), Hoy.AddDays(-370)));
        await PagarAsync(250m, Hoy, [new { documentoId = doc.Id(), monto = 250m }]);
        var antes = await DocumentoAsync(doc);

        var castigado = await AccionAsync(doc, "castigar", new { fecha = F(Hoy), motivo = "Deudor sin bienes; castigo tributario" });

        Assert.That(((string?)castigado["estado"], (decimal?)castigado["saldo"], (decimal?)castigado["castigo"]!["monto"]),
            Is.EqualTo(("castigado", 0m, (decimal)antes["saldo"]!)));
        var aplicado = castigado["aplicaciones"]!.AsArray().Where(a => (bool)a!["activa"]!).Sum(a => (decimal)a!["monto"]!);
        Assert.That(aplicado + (decimal)castigado["castigo"]!["monto"]!, Is.EqualTo((decimal)castigado["total"]!), "total = aplicaciones + notas de crédito + castigo");
        Assert.That((decimal?)(await AntiguedadAsync())["total"], Is.EqualTo(0m));
        Assert.That((decimal?)(await CreditoAsync())["exposicion"], Is.EqualTo(0m));
        var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta")).JsonAsync();
        var castigo = estado["castigos"]!.AsArray().Single()!;
        Assert.That(((long?)castigo["folio"], (decimal?)castigo["monto"], (string?)castigo["fecha"]), Is.EqualTo((1L, (decimal)antes["saldo"]!, F(Hoy))));
        Assert.That(estado["documentos"]!.AsArray(), Is.Empty);
        var lista = await (await Api.GetAsync("/api/v1/documentos?estado=castigado")).JsonAsync();
        Assert.That(lista["items"]!.AsArray().Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 1L }));
    }

    [Test]
    public async Task Castigar_un_documento_pagado_responde_422_con_el_campo_y_no_cambia_nada()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        await PagarAsync(1000m, Hoy, [new { documentoId = doc.Id(), monto = 1000m }]);

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(Hoy), motivo = "x" })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "saldo" }));
        Assert.That((string?)(await DocumentoAsync(doc))["estado"], Is.EqualTo("pagado"));
    }

    [Test]
    public async Task Ceder_con_RUT_de_factor_invalido_responde_400()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-10), Hoy.AddDays(20)));

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/ceder", new { factor = new { nombre = "Factor", rut = "76.086.428-4" }, fecha = F(Hoy) }))
            .ProblemaAsync(400);

        Assert.That(problema.CamposConError().Single(), Does.EndWith("rut").IgnoreCase);
        Assert.That((string?)(await DocumentoAsync(doc))["estado"], Is.EqualTo("por_vencer"));
    }

    [Test]
    public async Task Documento_cuyo_cheque_fue_protestado_y_sigue_impago_queda_protestado()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        var cheque = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 1000m, moneda = "CLP", canal = "cheque", referencia = "Cheque 1", aplicacion = "automatica", fechaCheque = F(Hoy),
        })).JsonAsync(201);
        Assert.That((string?)(await DocumentoAsync(doc))["estado"], Is.EqualTo("pagado"));
        Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);

        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/protestar", new { motivo = "Falta de fondos", costo = 0m })).JsonAsync();

        Assert.That((string?)(await DocumentoAsync(doc))["estado"], Is.EqualTo("protestado"));
        var lista = await (await Api.GetAsync("/api/v1/documentos?estado=protestado")).JsonAsync();
        Assert.That(lista["items"]!.AsArray().Select(d => (string)d!["estado"]!), Is.EqualTo(new[] { "protestado" }));
        await PagarAsync(1000m, Hoy, [new { documentoId = doc.Id(), monto = 1000m }]);
        Assert.That((string?)(await DocumentoAsync(doc))["estado"], Is.EqualTo("pagado"));
    }
}
