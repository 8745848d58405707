using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>PostgreSQL cannot store U+0000: inside a batch row it is a row error naming the field, never a 500.</summary>
public sealed class CaracterNuloTests : PruebaCartera
{
    [Test]
    public async Task Un_nulo_en_las_notas_de_un_documento_del_lote_es_un_error_de_esa_fila()
    {
        var antes = await Fixture.ContarFilasAsync();
        var documentos = new object[]
        {
            Factura(1, 1000m, Hoy.AddDays(-30), Hoy),
            new { tipo = "33", folio = 2L, clienteId = ClienteId, fechaEmision = F(Hoy.AddDays(-30)), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 1000m, exento = 0m, iva = 0m, total = 1000m, notas = "con\0nulo" },
        };

        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos/lote", documentos)).ProblemaAsync(422);

        var errores = problema["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["campo"]!, (string)e["regla"]!));
        Assert.That(errores, Is.EquivalentTo(new[] { (2, "notas", "caracter_nulo") }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Un_nulo_en_la_referencia_de_un_pago_del_lote_es_un_error_de_esa_fila()
    {
        await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-30), Hoy));
        var antes = await Fixture.ContarFilasAsync();
        var pagos = new object[]
        {
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 100m, moneda = "CLP", canal = "transferencia", referencia = "con\0nulo", aplicacion = "automatica" },
        };

        var problema = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", pagos)).ProblemaAsync(422);

        var errores = problema["errores"]!.AsArray().Select(e => ((int)e!["fila"]!, (string)e["campo"]!, (string)e["regla"]!));
        Assert.That(errores, Is.EquivalentTo(new[] { (1, "referencia", "caracter_nulo") }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }
}
