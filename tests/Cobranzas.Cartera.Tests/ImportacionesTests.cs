using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class ImportacionesTests : PruebaCartera
{
    private async Task<JsonNode> SubirAsync(string ruta, string csv, string? mapeo = null)
    {
        using var formulario = new MultipartFormDataContent();
        formulario.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "archivo", "datos.csv");
        if (mapeo is not null)
            formulario.Add(new StringContent(mapeo), "mapeo");
        return await (await Api.PostAsync(ruta, formulario)).JsonAsync();
    }

    [Test]
    public async Task Planilla_con_mapeo_de_columnas_crea_documentos_y_reimportarla_no_cambia_nada()
    {
        var rut = Datos.RutNuevo();
        await Api.CrearClienteAsync(Datos.Cliente(rut));
        var csv = $"""
            Tipo;Nro Documento;RUT Cliente;Emisión;Vencimiento;Total
            33;501;{rut};{Hoy.AddDays(-30):dd-MM-yyyy};{Hoy.AddDays(-3):dd-MM-yyyy};1.190.000
            34;502;{rut};{F(Hoy)};{F(Hoy.AddDays(30))};50000
            """;
        var mapeo = """{"folio":"Nro Documento","rut":"RUT Cliente","fechaEmision":"Emisión","fechaVencimiento":"Vencimiento"}""";

        var primero = await SubirAsync("/api/v1/importaciones/documentos", csv, mapeo);
        var segundo = await SubirAsync("/api/v1/importaciones/documentos", csv, mapeo);

        Assert.That(((bool?)primero["aplicado"], (int?)primero["creados"]), Is.EqualTo((true, 2)), primero.ToJsonString());
        Assert.That(((int?)segundo["creados"], (int?)segundo["sinCambios"]), Is.EqualTo((0, 2)));
        var lista = await (await Api.GetAsync("/api/v1/documentos?orden=folio")).JsonAsync();
        Assert.That(lista["items"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["total"]!, (string)d["estado"]!)),
            Is.EquivalentTo(new[] { (501L, 1_190_000m, "vencido"), (502L, 50_000m, "por_vencer") }));
    }

    [Test]
    public async Task Los_errores_nombran_la_columna_del_archivo_y_el_rut_formateado()
    {
        var csv = $"""
            Tipo;Nro Documento;RUT Cliente;Emisión;Vence;Total
            33;601;12531909-2;{F(Hoy)};{F(Hoy)};1000
            33;602;{Datos.RutNuevo()};mañana;{F(Hoy)};1000
            33;603;{Datos.RutNuevo()};{F(Hoy)};;1000
            """;
        var mapeo = """{"folio":"Nro Documento","rut":"RUT Cliente","fechaEmision":"Emisión","fechaVencimiento":"Vence"}""";

        var resultado = await SubirAsync("/api/v1/importaciones/documentos", csv, mapeo);
        var errores = resultado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string?)e["columna"], (string)e["mensaje"]!)).ToList();

        Assert.That(errores, Does.Contain((2, (string?)"RUT Cliente", "No hay un cliente con RUT 12.531.909-2.")));
        Assert.That(errores, Does.Contain((4, (string?)"Vence", "Indique «Vence» o cuotas.")));
        Assert.That(errores.Single(e => e.Item1 == 3 && e.Item2 == "Emisión").Item3, Does.Contain("no es una fecha"));
    }

    [Test]
    public async Task Planilla_de_100_000_filas_se_importa_entera_por_la_API()
    {
        const int filas = 100_000;
        var clientes = new List<string> { ClienteId };
        for (var i = 0; i < 9; i++)
            clientes.Add((await Api.CrearClienteAsync()).Id());
        var csv = new StringBuilder("tipo,folio,clienteId,fechaEmision,fechaVencimiento,moneda,neto,iva,total\n");
        decimal total = 0;
        for (var i = 1; i <= filas; i++)
        {
            var neto = 1_000m + i % 997;
            var iva = Math.Round(neto * 0.19m);
            total += neto + iva;
            csv.Append($"33,{i},{clientes[i % clientes.Count]},{F(Hoy.AddDays(-(i % 120)))},{F(Hoy.AddDays(-(i % 120) + i % 90))},CLP,{neto},{iva},{neto + iva}\n");
        }

        var resultado = await SubirAsync("/api/v1/importaciones/documentos", csv.ToString());

        Assert.That(((bool?)resultado["aplicado"], (int?)resultado["filas"], (int?)resultado["creados"]), Is.EqualTo((true, filas, filas)),
            resultado["errores"]?.AsArray().FirstOrDefault()?.ToJsonString());
        var lista = await (await Api.GetAsync("/api/v1/documentos?tamanoPagina=1")).JsonAsync();
        Assert.That((int?)lista["total"], Is.EqualTo(filas));
        var aging = await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync();
        Assert.That((decimal?)aging["total"], Is.EqualTo(total), "cada peso del archivo queda en la cartera");
    }

    [Test]
    public async Task Planilla_con_celdas_ilegibles_informa_fila_y_columna_sin_guardar()
    {
        var antes = await Fixture.ContarFilasAsync();
        var csv = $"""
            tipo,folio,clienteId,fechaEmision,fechaVencimiento,total
            33,601,{ClienteId},{F(Hoy)},{F(Hoy)},1000
            33,602,{ClienteId},ayer,{F(Hoy)},mil
            """;

        var resultado = await SubirAsync("/api/v1/importaciones/documentos", csv);

        Assert.That((bool?)resultado["aplicado"], Is.False);
        Assert.That(resultado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["campo"]!)), Is.EquivalentTo(new[] { (3, "total"), (3, "fechaEmision") }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
        var malMapeo = await Api.PostAsync("/api/v1/importaciones/documentos", new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "archivo", "d.csv" }, { new StringContent("""{"nroDoc":"x"}"""), "mapeo" },
        });
        await malMapeo.ProblemaAsync(422);
    }

    [Test]
    public async Task Lote_de_pagos_aplica_cada_pago_al_vencimiento_mas_antiguo_y_repetirlo_no_duplica()
    {
        var a = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-20)));
        var b = await CrearDocumentoAsync(Factura(2, 2000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var pagos = new object[]
        {
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 1500m, moneda = "CLP", canal = "transferencia", referencia = "TRX-1", aplicacion = "automatica" },
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 1000m, moneda = "CLP", canal = "transferencia", referencia = "TRX-2", aplicacion = "automatica" },
        };

        var primero = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", pagos)).JsonAsync();
        var segundo = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", pagos)).JsonAsync();

        Assert.That(((bool?)primero["aplicado"], (int?)primero["creados"], (decimal?)primero["montoAplicado"]), Is.EqualTo((true, 2, 2500m)));
        Assert.That(((int?)segundo["creados"], (int?)segundo["sinCambios"]), Is.EqualTo((0, 2)));
        Assert.That(await SaldoAsync(a), Is.EqualTo(0m));
        Assert.That(await SaldoAsync(b), Is.EqualTo(500m));
    }

    [Test]
    public async Task Lote_de_pagos_con_una_fila_mala_no_registra_ninguno()
    {
        await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-20)));
        var antes = await Fixture.ContarFilasAsync();

        var resultado = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", new object[]
        {
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 500m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica" },
            new { clienteId = ClienteId, fecha = F(Hoy.AddDays(1)), monto = 500m, moneda = "CLP", canal = "paloma", aplicacion = "automatica" },
        })).ProblemaAsync(422);

        Assert.That(resultado.CamposConError(), Is.EquivalentTo(new[] { "[1].canal", "[1].fecha" }));
        Assert.That(resultado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["campo"]!)), Is.EquivalentTo(new[] { (2, "canal"), (2, "fecha") }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Valores_uf_desde_planilla_se_crean_y_actualizan()
    {
        var d1 = new DateOnly(2026, 1, 1);
        await SubirAsync("/api/v1/importaciones/valores-uf", $"fecha;valor\n{F(d1)};39.727,74\n{F(d1.AddDays(1))};39.730,00\n");
        var segundo = await SubirAsync("/api/v1/importaciones/valores-uf", $"fecha;valor\n{F(d1)};39.727,74\n{F(d1.AddDays(1))};39.731,10\n{F(d1.AddDays(2))};39.735,00\n");

        Assert.That(((bool?)segundo["aplicado"], (int?)segundo["creados"], (int?)segundo["actualizados"], (int?)segundo["sinCambios"]), Is.EqualTo((true, 1, 1, 1)));
        var valores = await (await Api.GetAsync($"/api/v1/valores-uf?desde={F(d1)}")).JsonAsync();
        Assert.That(valores.AsArray().Select(v => (decimal)v!["valor"]!), Is.EqualTo(new[] { 39727.74m, 39731.10m, 39735.00m }));
        var malo = await SubirAsync("/api/v1/importaciones/valores-uf", "fecha;valor\n2026-13-01;1\n");
        Assert.That((bool?)malo["aplicado"], Is.False);
    }

    [Test]
    public async Task Dolar_observado_desde_planilla_y_por_la_API_se_guarda_y_lista()
    {
        var d1 = new DateOnly(2026, 2, 2);
        var r = await SubirAsync("/api/v1/importaciones/valores-dolar", $"fecha;valor\n{F(d1)};952,31\n{F(d1.AddDays(1))};948,70\n");
        await (await Api.PutAsJsonAsync("/api/v1/valores-dolar", new[] { new { fecha = F(d1.AddDays(1)), valor = 949.05m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);

        Assert.That(((bool?)r["aplicado"], (int?)r["creados"]), Is.EqualTo((true, 2)));
        var valores = await (await Api.GetAsync($"/api/v1/valores-dolar?desde={F(d1)}")).JsonAsync();
        Assert.That(valores.AsArray().Select(v => (decimal)v!["valor"]!), Is.EqualTo(new[] { 952.31m, 949.05m }));
        Assert.That((await (await Api.GetAsync($"/api/v1/valores-uf?desde={F(d1)}")).JsonAsync()).AsArray(), Is.Empty, "las dos series no se mezclan");
        var malo = await (await Api.PutAsJsonAsync("/api/v1/valores-dolar", new[] { new { fecha = F(d1), valor = 950.123m } })).ProblemaAsync(400);
        Assert.That(malo.CamposConError().Single(), Does.EndWith("valor"));
    }
}
