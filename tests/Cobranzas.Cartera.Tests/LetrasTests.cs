using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class LetrasTests : PruebaCartera
{
    private object Letra(long folio, decimal total, DateOnly emision, DateOnly vencimiento) =>
        new { tipo = "letra", folio, clienteId = ClienteId, fechaEmision = F(emision), fechaVencimiento = F(vencimiento), moneda = "CLP", neto = 0m, exento = total, iva = 0m, total };

    private async Task<JsonNode> AccionAsync(JsonNode doc, string accion, object cuerpo, int estado = 200) =>
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/{accion}", cuerpo)).JsonAsync(estado);

    private async Task<long[]> EnBancoAsync() =>
        (await (await Api.GetAsync("/api/v1/documentos?enCobranzaBancaria=true")).JsonAsync())["items"]!.AsArray().Select(d => (long)d!["folio"]!).ToArray();

    [Test]
    public async Task Letra_enviada_a_cobranza_bancaria_sigue_en_la_cartera_y_sale_del_banco_al_pagarse()
    {
        var letra = await CrearDocumentoAsync(Letra(10, 500_000m, Hoy.AddDays(-30), Hoy.AddDays(15)));

        var enviada = await AccionAsync(letra, "cobranza-bancaria", new { banco = "Banco de Chile", fecha = F(Hoy) });

        Assert.That(((string?)enviada["cobranzaBancaria"]!["banco"], (bool?)enviada["cobranzaBancaria"]!["vigente"], (string?)enviada["estado"]),
            Is.EqualTo(("Banco de Chile", true, "por_vencer")));
        Assert.That(await EnBancoAsync(), Is.EqualTo(new[] { 10L }));
        Assert.That((decimal?)(await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync())["total"], Is.EqualTo(500_000m));
        await AccionAsync(letra, "cobranza-bancaria", new { banco = "Banco Estado", fecha = F(Hoy) }, 422);

        await PagarAsync(500_000m, Hoy, [new { documentoId = letra.Id(), monto = 500_000m }]);

        Assert.That(await EnBancoAsync(), Is.Empty);
        Assert.That((bool?)(await DocumentoAsync(letra))["cobranzaBancaria"]!["vigente"], Is.False);
    }

    [Test]
    public async Task Letra_retirada_del_banco_guarda_fecha_y_motivo()
    {
        var letra = await CrearDocumentoAsync(Letra(11, 100_000m, Hoy.AddDays(-30), Hoy.AddDays(15)));
        await AccionAsync(letra, "cobranza-bancaria", new { banco = "BCI", fecha = F(Hoy.AddDays(-2)) });

        var retirada = await AccionAsync(letra, "cobranza-bancaria/retirar", new { fecha = F(Hoy), motivo = "El cliente pagará directo" });

        Assert.That(((bool?)retirada["cobranzaBancaria"]!["vigente"], (string?)retirada["cobranzaBancaria"]!["fechaRetiro"], (string?)retirada["cobranzaBancaria"]!["motivoRetiro"]),
            Is.EqualTo((false, F(Hoy), "El cliente pagará directo")));
        Assert.That(await EnBancoAsync(), Is.Empty);
        await AccionAsync(letra, "cobranza-bancaria/retirar", new { fecha = F(Hoy), motivo = "otra vez" }, 422);
    }

    [Test]
    public async Task Letra_vencida_protestada_queda_protestada_con_su_costo_y_deja_el_banco()
    {
        var letra = await CrearDocumentoAsync(Letra(12, 300_000m, Hoy.AddDays(-60), Hoy.AddDays(-5)));
        await AccionAsync(letra, "cobranza-bancaria", new { banco = "Santander", fecha = F(Hoy.AddDays(-20)) });

        var protestada = await AccionAsync(letra, "protestar", new { fecha = F(Hoy), motivo = "Falta de pago", costo = 12_500m });

        Assert.That(((string?)protestada["estado"], (string?)protestada["protesto"]!["motivo"], (decimal?)protestada["protesto"]!["costo"]),
            Is.EqualTo(("protestado", "Falta de pago", 12_500m)));
        Assert.That(await EnBancoAsync(), Is.Empty);
        var protestados = await (await Api.GetAsync("/api/v1/documentos?estado=protestado")).JsonAsync();
        Assert.That(protestados["items"]!.AsArray().Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 12L }));
        await AccionAsync(letra, "protestar", new { fecha = F(Hoy), motivo = "otra vez", costo = 0m }, 422);
        var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta")).JsonAsync();
        var enEstado = estado["letrasProtestadas"]!.AsArray().Single()!;
        Assert.That(((long?)enEstado["folio"], (decimal?)enEstado["saldo"], (decimal?)enEstado["costo"], (string?)enEstado["fecha"]),
            Is.EqualTo((12L, 300_000m, 12_500m, F(Hoy))));
        var antes = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(Hoy.AddDays(-1))}")).JsonAsync();
        Assert.That(antes["letrasProtestadas"]!.AsArray(), Is.Empty, "al corte de ayer aún no estaba protestada");
    }

    [Test]
    public async Task Solo_letras_y_pagares_van_al_banco_y_una_letra_por_vencer_no_se_protesta()
    {
        var factura = await CrearDocumentoAsync(Factura(1, 1000m, Hoy, Hoy.AddDays(30)));
        var letra = await CrearDocumentoAsync(Letra(13, 1000m, Hoy, Hoy.AddDays(30)));

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{factura.Id()}/cobranza-bancaria", new { banco = "BCI", fecha = F(Hoy) })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "id" }));
        problema = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{letra.Id()}/protestar", new { fecha = F(Hoy), motivo = "x", costo = 0m })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That((await DocumentoAsync(letra))["protesto"], Is.Null);
    }
}
