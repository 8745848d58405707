using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Api.Tests;

/// <summary>
/// RUTs and folios travel inside batches and files, where the statements are written by hand: company B naming A's clients and
/// documents gets per-row errors and changes nothing; where B has the same RUT or folio, the row lands on B's own record.
/// </summary>
public sealed class LotesConDatosDeOtraEmpresaTests : PruebaApi
{
    private HttpClient _a = null!;
    private HttpClient _b = null!;
    private string _rutSoloA = null!;
    private string _rutDeAmbas = null!;
    private string _clienteAmbasEnA = null!;
    private string _clienteAmbasEnB = null!;

    private static DateOnly Hoy => Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);

    private static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    [SetUp]
    public async Task CrearEmpresasAsync()
    {
        _a = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Alfa Dueña"));
        _b = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Beta Intrusa"));
        _rutSoloA = Datos.RutNuevo();
        _rutDeAmbas = Datos.RutNuevo();
        var soloA = await _a.CrearClienteAsync(Datos.Cliente(_rutSoloA, "Sólo de A SpA"));
        _clienteAmbasEnA = (await _a.CrearClienteAsync(Datos.Cliente(_rutDeAmbas, "Ambas en A Limitada"))).Id();
        _clienteAmbasEnB = (await _b.CrearClienteAsync(Datos.Cliente(_rutDeAmbas, "Ambas en B Limitada"))).Id();
        foreach (var (folio, cliente) in new[] { (900L, soloA.Id()), (901L, _clienteAmbasEnA) })
            await (await _a.PostAsJsonAsync("/api/v1/documentos", Documento(folio, 100_000m, clienteId: cliente))).JsonAsync(201);
    }

    private static object Documento(long folio, decimal total, string? rut = null, string? clienteId = null) => new
    {
        tipo = "33", folio, rut, clienteId, fechaEmision = F(Hoy.AddDays(-40)), fechaVencimiento = F(Hoy.AddDays(-10)), moneda = "CLP", neto = total, exento = 0m,
        iva = 0m, total,
    };

    private static object Pago(string rut, decimal monto, string referencia) => new { rut, fecha = F(Hoy), monto, moneda = "CLP", canal = "transferencia", referencia, aplicacion = "automatica" };

    /// <summary>What A can read about its portfolio: must not move when B sends batches.</summary>
    private async Task<string> VistaDeAAsync()
    {
        var texto = new StringBuilder();
        foreach (var url in new[] { "/api/v1/clientes?orden=rut", "/api/v1/documentos?orden=folio", "/api/v1/pagos", $"/api/v1/cartera/antiguedad?fechaCorte={F(Hoy)}" })
            texto.Append(await (await _a.GetAsync(url)).Content.ReadAsStringAsync());
        return texto.ToString();
    }

    private static List<(int Fila, string Regla)> Errores(JsonNode resultado) =>
        resultado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["regla"]!)).ToList();

    private static async Task<JsonNode> SubirAsync(HttpClient api, string ruta, string csv)
    {
        using var archivo = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "archivo", "archivo.csv" } };
        var respuesta = await api.PostAsync(ruta, archivo);
        return JsonNode.Parse(await respuesta.Content.ReadAsStringAsync())!;
    }

    [Test]
    public async Task Lote_de_documentos_con_rut_de_otra_empresa_da_error_por_fila_y_no_cambia_nada()
    {
        var vistaA = await VistaDeAAsync();
        var antes = await Fixture.ContarFilasAsync();

        var rechazo = await (await _b.PostAsJsonAsync("/api/v1/documentos/lote", new[] { Documento(950, 1000m, rut: _rutSoloA), Documento(951, 1000m, rut: _rutDeAmbas) }))
            .ProblemaAsync(422);

        Assert.That(Errores(rechazo), Is.EqualTo(new[] { (1, "cliente_inexistente") }), rechazo.ToJsonString());
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
        Assert.That(await VistaDeAAsync(), Is.EqualTo(vistaA));
    }

    [Test]
    public async Task Lote_de_documentos_con_folios_de_otra_empresa_crea_los_de_esta_para_su_propio_cliente()
    {
        var vistaA = await VistaDeAAsync();

        // 900 and 901 are A's folios; B has none, so they are B's new documents, for B's client with the shared RUT.
        var resultado = await (await _b.PostAsJsonAsync("/api/v1/documentos/lote", new[] { Documento(900, 5000m, rut: _rutDeAmbas), Documento(901, 7000m, rut: _rutDeAmbas) }))
            .JsonAsync();

        Assert.That(((bool?)resultado["aplicado"], (int?)resultado["creados"], (int?)resultado["sinCambios"]), Is.EqualTo((true, 2, 0)), resultado.ToJsonString());
        var deB = (await (await _b.GetAsync("/api/v1/documentos?orden=folio")).JsonAsync())["items"]!.AsArray();
        Assert.That(deB.Select(d => ((long)d!["folio"]!, (string)d["cliente"]!["id"]!, (decimal)d["total"]!)),
            Is.EqualTo(new[] { (900L, _clienteAmbasEnB, 5000m), (901L, _clienteAmbasEnB, 7000m) }));
        Assert.That(await VistaDeAAsync(), Is.EqualTo(vistaA));

        // Sent again with A's figures, the folios clash with B's own documents only.
        var distinto = await (await _b.PostAsJsonAsync("/api/v1/documentos/lote", new[] { Documento(901, 100_000m, rut: _rutDeAmbas) })).ProblemaAsync(422);
        Assert.That(Errores(distinto), Is.EqualTo(new[] { (1, "folio_existente_distinto") }));
        Assert.That(await VistaDeAAsync(), Is.EqualTo(vistaA));
    }

    [Test]
    public async Task Lote_de_pagos_con_rut_de_otra_empresa_da_error_por_fila_y_con_rut_propio_paga_sus_documentos()
    {
        await (await _b.PostAsJsonAsync("/api/v1/documentos", Documento(901, 50_000m, clienteId: _clienteAmbasEnB))).JsonAsync(201);
        var vistaA = await VistaDeAAsync();
        var antes = await Fixture.ContarFilasAsync();

        var rechazo = await (await _b.PostAsJsonAsync("/api/v1/pagos/lote", new[] { Pago(_rutDeAmbas, 10_000m, "B-1"), Pago(_rutSoloA, 10_000m, "B-2") })).ProblemaAsync(422);

        Assert.That(Errores(rechazo), Is.EqualTo(new[] { (2, "cliente_inexistente") }), rechazo.ToJsonString());
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
        Assert.That(await VistaDeAAsync(), Is.EqualTo(vistaA));

        var aplicado = await (await _b.PostAsJsonAsync("/api/v1/pagos/lote", new[] { Pago(_rutDeAmbas, 60_000m, "B-1") })).JsonAsync();
        Assert.That(((bool?)aplicado["aplicado"], (int?)aplicado["creados"]), Is.EqualTo((true, 1)), aplicado.ToJsonString());
        var pago = (await (await _b.GetAsync("/api/v1/pagos")).JsonAsync())["items"]!.AsArray().Single()!;
        Assert.That(((string)pago["cliente"]!["id"]!, (decimal)pago["saldoAFavor"]!), Is.EqualTo((_clienteAmbasEnB, 10_000m)), "50 000 aplicados al 901 de B, 10 000 a favor");
        var documentoB = (await (await _b.GetAsync("/api/v1/documentos")).JsonAsync())["items"]!.AsArray().Single()!;
        Assert.That((decimal)documentoB["saldo"]!, Is.Zero);
        Assert.That(await VistaDeAAsync(), Is.EqualTo(vistaA), "los documentos 900 y 901 de A siguen sin pagos");
    }

    [Test]
    public async Task Importacion_de_documentos_con_rut_de_otra_empresa_da_error_por_fila_y_con_rut_propio_llega_al_cliente_propio()
    {
        var vistaA = await VistaDeAAsync();
        var antes = await Fixture.ContarFilasAsync();
        var csv = $"tipo,folio,rut,fechaEmision,fechaVencimiento,total\n33,900,{_rutSoloA},{F(Hoy)},{F(Hoy)},1000\n33,901,{_rutDeAmbas},{F(Hoy)},{F(Hoy)},2000\n";

        var rechazo = await SubirAsync(_b, "/api/v1/importaciones/documentos", csv);

        Assert.That(((bool?)rechazo["aplicado"], Errores(rechazo)), Is.EqualTo((false, new List<(int, string)> { (2, "cliente_inexistente") })), rechazo.ToJsonString());
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));

        var parcial = await SubirAsync(_b, "/api/v1/importaciones/documentos?parcial=true", csv);
        Assert.That(((bool?)parcial["aplicado"], (int?)parcial["creados"]), Is.EqualTo((true, 1)), parcial.ToJsonString());
        var deB = (await (await _b.GetAsync("/api/v1/documentos")).JsonAsync())["items"]!.AsArray().Single()!;
        Assert.That(((long)deB["folio"]!, (string)deB["cliente"]!["id"]!, (decimal)deB["total"]!), Is.EqualTo((901L, _clienteAmbasEnB, 2000m)));
        Assert.That(await VistaDeAAsync(), Is.EqualTo(vistaA));
    }

    [Test]
    public async Task Importacion_de_clientes_con_ruts_de_otra_empresa_solo_crea_o_cambia_los_clientes_propios()
    {
        var vistaA = await VistaDeAAsync();

        var resultado = await SubirAsync(_b, "/api/v1/importaciones/clientes",
            $"rut,razonSocial,segmento,cuentaClave\n{_rutSoloA},Nuevo en B SpA,Retail,no\n{_rutDeAmbas},Renombrado en B Limitada,Retail,no\n");

        Assert.That(((bool?)resultado["aplicado"], (int?)resultado["creados"], (int?)resultado["actualizados"]), Is.EqualTo((true, 1, 1)), resultado.ToJsonString());
        var deB = (await (await _b.GetAsync("/api/v1/clientes?orden=rut")).JsonAsync())["items"]!.AsArray()
            .ToDictionary(c => (string)c!["rut"]!, c => ((string)c!["id"]!, (string)c["razonSocial"]!));
        Assert.That(deB[_rutDeAmbas], Is.EqualTo((_clienteAmbasEnB, "Renombrado en B Limitada")));
        Assert.That(deB[_rutSoloA].Item2, Is.EqualTo("Nuevo en B SpA"));
        Assert.That(await VistaDeAAsync(), Is.EqualTo(vistaA));
    }
}
