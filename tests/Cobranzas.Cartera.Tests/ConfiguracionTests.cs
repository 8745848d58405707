using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class ConfiguracionTests : PruebaCartera
{
    private static object Configuracion(int[] limites, string orden = "vencimiento", decimal[]? porcentajes = null, string? conRef = null, string? sinRef = null) => new
    {
        limitesTramos = limites, ordenImputacion = orden, porcentajesProvision = porcentajes ?? Enumerable.Repeat(0m, limites.Length + 2).ToArray(),
        cuentaContableConReferencia = conRef, cuentaContableSinReferencia = sinRef,
    };

    private async Task<JsonNode> GuardarAsync(object cuerpo) => await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", cuerpo)).JsonAsync();

    [Test]
    public async Task Sin_configuracion_rigen_los_tramos_por_defecto()
    {
        var c = await (await Api.GetAsync("/api/v1/cartera/configuracion")).JsonAsync();

        Assert.That(c["tramos"]!.AsArray().Select(t => (string)t!["codigo"]!), Is.EqualTo(new[] { "por_vencer", "1-30", "31-60", "61-90", "91-120", "mas_120" }));
        Assert.That(((string?)c["ordenImputacion"], (bool?)c["porDefecto"]), Is.EqualTo(("vencimiento", true)));
    }

    [Test]
    public async Task Tramos_propios_de_la_empresa_cambian_la_antiguedad_y_el_filtro_de_documentos()
    {
        await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-10)));
        await CrearDocumentoAsync(Factura(2, 2000m, Hoy.AddDays(-60), Hoy.AddDays(-20)));
        await CrearDocumentoAsync(Factura(3, 4000m, Hoy.AddDays(-90), Hoy.AddDays(-45)));
        await CrearDocumentoAsync(Factura(4, 8000m, Hoy, Hoy.AddDays(30)));

        var guardada = await GuardarAsync(Configuracion([15, 45]));
        Assert.That(guardada["tramos"]!.AsArray().Select(t => (string)t!["codigo"]!), Is.EqualTo(new[] { "por_vencer", "1-15", "16-45", "mas_45" }));

        var aging = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync();
        var montos = aging["totales"]!.AsArray().ToDictionary(t => (string)t!["codigo"]!, t => (decimal)t!["monto"]!);
        Assert.That(montos, Is.EqualTo(new Dictionary<string, decimal> { ["por_vencer"] = 8000m, ["1-15"] = 1000m, ["16-45"] = 6000m, ["mas_45"] = 0m }));

        var tramo = await (await Api.GetAsync("/api/v1/documentos?tramo=16-45")).JsonAsync();
        Assert.That(tramo["items"]!.AsArray().Select(d => (long)d!["folio"]!).Order(), Is.EqualTo(new[] { 2L, 3L }));
        var desconocido = await (await Api.GetAsync("/api/v1/documentos?tramo=31-60")).ProblemaAsync(422);
        Assert.That(desconocido.CamposConError(), Is.EqualTo(new[] { "tramo" }));
    }

    [Test]
    public async Task Orden_de_imputacion_monto_menor_paga_primero_el_saldo_mas_chico()
    {
        var grande = await CrearDocumentoAsync(Factura(1, 5000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var chica = await CrearDocumentoAsync(Factura(2, 700m, Hoy.AddDays(-5), Hoy.AddDays(25)));
        await GuardarAsync(Configuracion([30, 60, 90, 120], "monto_menor"));

        var vista = await (await Api.PostAsJsonAsync("/api/v1/pagos/vista-previa", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 1000m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica", aplicaciones = (object[]?)null,
        })).JsonAsync();
        Assert.That(vista["aplicaciones"]!.AsArray().Select(a => ((string)a!["documentoId"]!, (decimal)a["monto"]!)),
            Is.EqualTo(new[] { (chica.Id(), 700m), (grande.Id(), 300m) }));

        await PagarAsync(1000m, Hoy);
        Assert.That((await SaldoAsync(chica), await SaldoAsync(grande)), Is.EqualTo((0m, 4700m)));
    }

    [Test]
    public async Task Documento_manual_registra_la_cuenta_contable_segun_tenga_referencia_y_el_del_erp_no()
    {
        await GuardarAsync(Configuracion([30, 60, 90, 120], conRef: "1-1-05-002", sinRef: "1-1-05-001"));

        var manual = await CrearDocumentoAsync(Factura(1, 1000m, Hoy, Hoy.AddDays(30)));
        var nd = await CrearDocumentoAsync(new
        {
            tipo = "56", folio = 2, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy.AddDays(30)), moneda = "CLP", neto = 100m, exento = 0m, iva = 0m,
            total = 100m, referencia = new { documentoId = manual.Id() },
        });
        var erp = await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 3, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy.AddDays(30)), moneda = "CLP", neto = 100m, exento = 0m, iva = 0m,
            total = 100m, origen = "erp",
        });

        Assert.That(((string?)manual["cuentaContable"], (string?)nd["cuentaContable"], (string?)erp["cuentaContable"]), Is.EqualTo(("1-1-05-001", "1-1-05-002", (string?)null)));
        var manuales = await (await Api.GetAsync("/api/v1/documentos?origen=manual")).JsonAsync();
        Assert.That(manuales["items"]!.AsArray().Select(d => (long)d!["folio"]!).Order(), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public async Task Configuracion_invalida_responde_400_con_el_campo_y_no_cambia_nada()
    {
        var problema = await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", Configuracion([60, 30]))).ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "limitesTramos" }));

        problema = await (await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 30 }, ordenImputacion = "azar", porcentajesProvision = new[] { 1m, 2m }, cuentaContableConReferencia = (string?)null,
            cuentaContableSinReferencia = (string?)null,
        })).ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Is.EquivalentTo(new[] { "ordenImputacion", "porcentajesProvision" }));

        Assert.That((bool?)(await (await Api.GetAsync("/api/v1/cartera/configuracion")).JsonAsync())["porDefecto"], Is.True);
    }

    [Test]
    public async Task Provision_de_incobrables_aplica_el_porcentaje_de_cada_tramo_al_peso()
    {
        await CrearDocumentoAsync(Factura(1, 10_001m, Hoy, Hoy.AddDays(30)));
        await CrearDocumentoAsync(Factura(2, 20_000m, Hoy.AddDays(-60), Hoy.AddDays(-20)));
        await CrearDocumentoAsync(Factura(3, 3_333m, Hoy.AddDays(-200), Hoy.AddDays(-150)));
        await GuardarAsync(Configuracion([30, 60, 90, 120], porcentajes: [0.5m, 2.5m, 10m, 25m, 50m, 100m]));

        var p = await (await Api.GetAsync("/api/v1/cartera/provision")).JsonAsync();

        var tramos = p["tramos"]!.AsArray().ToDictionary(t => (string)t!["codigo"]!, t => ((decimal)t!["saldo"]!, (decimal)t["provision"]!));
        Assert.That(tramos["por_vencer"], Is.EqualTo((10_001m, 50m)), "10 001 x 0,5 % = 50,005 -> 50");
        Assert.That(tramos["1-30"], Is.EqualTo((20_000m, 500m)));
        Assert.That(tramos["mas_120"], Is.EqualTo((3_333m, 3_333m)));
        Assert.That(((decimal?)p["saldo"], (decimal?)p["provision"]), Is.EqualTo((33_334m, 3_883m)));
    }
}
