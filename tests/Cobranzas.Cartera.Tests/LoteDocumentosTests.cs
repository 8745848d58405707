using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class LoteDocumentosTests : PruebaCartera
{
    private async Task<JsonNode> LoteAsync(object[] documentos, bool parcial = false) =>
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/lote{(parcial ? "?parcial=true" : "")}", documentos)).JsonAsync();

    private async Task<JsonObject> RechazoAsync(object[] documentos) =>
        await (await Api.PostAsJsonAsync("/api/v1/documentos/lote", documentos)).ProblemaAsync(422);

    private static object Doc(long folio, decimal total, DateOnly vencimiento, string? rut = null, string? clienteId = null) =>
        new { tipo = "33", folio, rut, clienteId, fechaEmision = F(vencimiento.AddDays(-30)), fechaVencimiento = F(vencimiento), moneda = "CLP", neto = total, exento = 0m, iva = 0m, total };

    [Test]
    public async Task Lote_crea_documentos_por_rut_o_id_con_sus_cuotas_y_repetirlo_no_cambia_nada()
    {
        var rut = Datos.RutNuevo();
        await Api.CrearClienteAsync(Datos.Cliente(rut));
        var documentos = new object[]
        {
            Doc(101, 1000m, Hoy.AddDays(-5), rut: rut),
            Doc(102, 2000m, Hoy.AddDays(10), clienteId: ClienteId),
            new
            {
                tipo = "33", folio = 103L, clienteId = ClienteId, fechaEmision = F(Hoy.AddDays(-40)), moneda = "CLP", neto = 1000m, exento = 0m, iva = 0m, total = 1000m,
                cuotas = new[] { new { numero = 1, fechaVencimiento = F(Hoy.AddDays(-10)), monto = 400m }, new { numero = 2, fechaVencimiento = F(Hoy.AddDays(20)), monto = 600m } },
            },
            new { tipo = "61", folio = 5L, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = 100m, exento = 0m, iva = 0m, total = 100m },
        };

        var primero = await LoteAsync(documentos);
        var antes = await Fixture.ContarFilasAsync();
        var segundo = await LoteAsync(documentos);

        Assert.That(((bool?)primero["aplicado"], (int?)primero["creados"], (int?)primero["sinCambios"]), Is.EqualTo((true, 4, 0)));
        Assert.That(((bool?)segundo["aplicado"], (int?)segundo["creados"], (int?)segundo["sinCambios"]), Is.EqualTo((true, 0, 4)));
        var despues = await Fixture.ContarFilasAsync();
        Assert.That(despues.Where(t => t.Key != "plataforma.auditoria"), Is.EquivalentTo(antes.Where(t => t.Key != "plataforma.auditoria")));
        Assert.That(despues["plataforma.auditoria"], Is.EqualTo(antes["plataforma.auditoria"] + 1), "una entrada de auditoría por lote");
        Assert.That(despues["cartera.cuotas"], Is.EqualTo(4));

        var lista = await (await Api.GetAsync("/api/v1/documentos?tamanoPagina=50")).JsonAsync();
        var c = lista["items"]!.AsArray().Single(d => (long)d!["folio"]! == 103)!;
        var detalle = await DocumentoAsync(c);
        Assert.That(detalle["cuotas"]!.AsArray().Select(q => (decimal)q!["saldo"]!), Is.EqualTo(new[] { 400m, 600m }));
        Assert.That((string?)detalle["estado"], Is.EqualTo("vencido"));
        var pago = await PagarAsync(1500m, Hoy);
        Assert.That((decimal?)pago["aplicado"], Is.EqualTo(1500m));
    }

    [Test]
    public async Task Lote_con_filas_malas_no_escribe_nada_y_las_informa_todas()
    {
        var antes = await Fixture.ContarFilasAsync();
        var resultado = await RechazoAsync(
        [
            Doc(201, 1000m, Hoy),
            Doc(202, 1000m, Hoy, rut: "11.111.111-2"),
            Doc(203, 1000m, Hoy, rut: Datos.RutNuevo()),
            new { tipo = "33", folio = 204L, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 100m, exento = 0m, iva = 19m, total = 100m },
            Doc(201, 1000m, Hoy, clienteId: ClienteId),
            Doc(205, 1000m, Hoy, clienteId: ClienteId),
        ]);

        Assert.That(resultado.CamposConError(), Does.Contain("[1].rut").And.Contain("[3].total"));
        var errores = resultado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["campo"]!, (string)e["regla"]!)).ToList();
        Assert.That(errores, Is.SupersetOf(new[] { (1, "clienteId", "requerido"), (2, "rut", "rut_invalido"), (3, "rut", "cliente_inexistente"), (4, "total", "total_descuadrado") }));
        Assert.That(errores.Select(e => e.Item1).Distinct().Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Lote_parcial_guarda_las_filas_buenas_y_folio_existente_con_otros_datos_es_error()
    {
        await CrearDocumentoAsync(Factura(301, 1000m, Hoy.AddDays(-30), Hoy));

        var resultado = await LoteAsync(
        [
            Doc(301, 1500m, Hoy, clienteId: ClienteId),
            Doc(302, 1000m, Hoy, clienteId: ClienteId),
            Doc(303, 0m, Hoy, clienteId: ClienteId),
            Doc(302, 1000m, Hoy, clienteId: ClienteId),
        ], parcial: true);

        Assert.That(((bool?)resultado["aplicado"], (int?)resultado["creados"], (int?)resultado["sinCambios"]), Is.EqualTo((true, 1, 0)));
        var errores = resultado["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["regla"]!)).ToList();
        Assert.That(errores, Does.Contain((1, "folio_existente_distinto")).And.Contain((4, "folio_repetido")));
        Assert.That(errores.Select(e => e.Item1).Distinct().Order(), Is.EqualTo(new[] { 1, 3, 4 }));
        var lista = await (await Api.GetAsync("/api/v1/documentos?tamanoPagina=50")).JsonAsync();
        Assert.That(lista["items"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["total"]!)), Is.EquivalentTo(new[] { (301L, 1000m), (302L, 1000m) }));
    }

    [Test]
    public async Task Lote_con_json_mal_formado_responde_el_error_sin_guardar()
    {
        var antes = await Fixture.ContarFilasAsync();
        using var cuerpo = new StringContent($$"""[{"tipo":"33","folio":1,"clienteId":"{{ClienteId}}","fechaEmision":"{{F(Hoy)}}","fechaVencimiento":"{{F(Hoy)}}","moneda":"CLP","neto":1,"exento":0,"iva":0,"total":1},{"tipo":"33","folio":"x"}]""", System.Text.Encoding.UTF8, "application/json");
        var resultado = await (await Api.PostAsync("/api/v1/documentos/lote", cuerpo)).ProblemaAsync(422);

        Assert.That(resultado.CamposConError(), Is.EqualTo(new[] { "[1].folio" }));
        Assert.That((int?)resultado["errores"]![0]!["fila"], Is.EqualTo(2));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Lote_grande_se_procesa_por_bloques_con_una_busqueda_de_clientes_por_bloque()
    {
        var ruts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ruts.Add(Datos.RutNuevo());
            await Api.CrearClienteAsync(Datos.Cliente(ruts[^1]));
        }

        const int cantidad = 25_000;
        var documentos = Enumerable.Range(1, cantidad).Select(i => Doc(i, 1000m + i, Hoy.AddDays(i % 60 - 30), rut: ruts[i % 3])).ToArray();
        var reloj = System.Diagnostics.Stopwatch.StartNew();
        var resultado = await LoteAsync(documentos);
        reloj.Stop();

        Assert.That(((bool?)resultado["aplicado"], (int?)resultado["creados"], resultado["errores"]!.AsArray().Count), Is.EqualTo((true, cantidad, 0)));
        var antiguedad = await (await Api.GetAsync("/api/v1/cartera/antiguedad")).JsonAsync();
        Assert.That((decimal?)antiguedad["total"], Is.EqualTo(1000m * cantidad + cantidad * (cantidad + 1m) / 2));
        TestContext.Out.WriteLine($"{cantidad} documentos en {reloj.ElapsedMilliseconds} ms");
        reloj.Restart();
        var otraVez = await LoteAsync(documentos);
        TestContext.Out.WriteLine($"{cantidad} documentos sin cambios en {reloj.ElapsedMilliseconds} ms");
        Assert.That(((int?)otraVez["creados"], (int?)otraVez["sinCambios"]), Is.EqualTo((0, cantidad)));
    }
}
