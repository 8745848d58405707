using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>Inputs the contract fuzzer (FuzzContratoTests) found answering 500, each now a 400 naming the field.</summary>
public sealed class HallazgosFuzzTests : PruebaCartera
{
    [TestCase("hasta=0001-01-01", "hasta")]
    [TestCase("fechaCorte=0001-01-01", "fechaCorte")]
    public async Task Estado_de_cuenta_con_una_fecha_en_el_limite_del_calendario_es_400_no_500(string consulta, string campo)
    {
        foreach (var formato in new[] { "estado-cuenta", "estado-cuenta.xlsx" })
        {
            var problema = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/{formato}?{consulta}")).ProblemaAsync(400);
            Assert.That(problema.CamposConError(), Does.Contain(campo), $"{formato}?{consulta}");
        }
    }

    /// <summary>Seed 7547936118550878344 of the contract fuzzer: the far end of the calendar answered 500.</summary>
    [TestCase("/api/v1/cartera/provision")]
    [TestCase("/api/v1/cartera/antiguedad")]
    public async Task Informe_al_corte_9999_12_31_es_400_no_500(string ruta)
    {
        var problema = await (await Api.GetAsync($"{ruta}?fechaCorte=9999-12-31")).ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "fechaCorte" }));
    }

    /// <summary>Seed 6108687512182669727 of the contract fuzzer: a null installment answered 500.</summary>
    [Test]
    public async Task Documento_con_una_cuota_nula_es_400_no_500()
    {
        var antes = await Fixture.ContarFilasAsync();
        var respuesta = await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = 9101, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = 1_000m, exento = 0m, iva = 0m, total = 1_000m,
            cuotas = new object?[] { new { numero = 1, fechaVencimiento = F(Hoy.AddDays(30)), monto = 1_000m }, null },
        });

        var problema = await respuesta.ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Has.Some.StartsWith("cuotas"));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Pago_manual_con_una_linea_nula_es_400_no_500()
    {
        var antes = await Fixture.ContarFilasAsync();
        var respuesta = await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 1_000m, moneda = "CLP", canal = "transferencia", aplicacion = "manual", aplicaciones = new object?[] { null },
        });

        var problema = await respuesta.ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Has.Some.StartsWith("aplicaciones"));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Documento_con_un_monto_del_tamano_de_decimal_es_400_no_500()
    {
        var antes = await Fixture.ContarFilasAsync();
        var respuesta = await Api.PostAsJsonAsync("/api/v1/documentos/lote", new[]
        {
            new { tipo = "33", folio = 9001L, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy.AddDays(30)), moneda = "CLP", neto = 100_000m, exento = decimal.MaxValue, iva = 0m, total = 100_000m },
        });

        Assert.That((int)respuesta.StatusCode, Is.AnyOf(400, 422), await respuesta.Content.ReadAsStringAsync());
        Assert.That(await respuesta.Content.ReadAsStringAsync(), Does.Contain("exento"));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Pagina_int_maxvalue_es_una_pagina_vacia_no_500()
    {
        await (await Api.PostAsJsonAsync("/api/v1/documentos", Factura(1, 1_000m, Hoy, Hoy.AddDays(30)))).JsonAsync(201);

        var pagina = await (await Api.GetAsync($"/api/v1/documentos?pagina={int.MaxValue}&tamanoPagina=70")).JsonAsync();

        Assert.That(pagina["items"]!.AsArray(), Is.Empty);
    }
}
