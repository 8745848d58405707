using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cobranzas.Testing;
using MiniExcelLibs;

namespace Cobranzas.Cartera.Tests;

/// <summary>"Exportar elegidos": only the rows a person chose, through the same export as the filtered list (documents and clients).</summary>
public sealed class ExportarElegidosTests : PruebaCartera
{
    private static List<string[]> Lineas(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(';')).ToList();

    [Test]
    public async Task Exporta_solo_los_documentos_elegidos_tambien_uno_pagado()
    {
        var pagado = await CrearDocumentoAsync(Factura(1, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await PagarAsync(10_000m, Hoy, [new { documentoId = pagado.Id(), monto = 10_000m }]);
        await CrearDocumentoAsync(Factura(2, 20_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var tercero = await CrearDocumentoAsync(Factura(3, 30_000m, Hoy, Hoy.AddDays(30)));

        var r = await Api.PostAsJsonAsync("/api/v1/documentos/exportar-elegidos", new { documentoIds = new[] { pagado.Id(), tercero.Id() }, formato = "csv" });
        var lineas = Lineas(await r.Content.ReadAsByteArrayAsync());

        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(lineas[0][2], Is.EqualTo("Folio"));
        Assert.That(lineas.Skip(1).Select(l => l[2]).Order(), Is.EqualTo(new[] { "1", "3" }));
        Assert.That(lineas.Skip(1).Select(l => l[10]).Order(), Is.EqualTo(new[] { "Pagado", "Por vencer" }));
    }

    [Test]
    public async Task Exporta_xlsx_por_omision()
    {
        var doc = await CrearDocumentoAsync(Factura(7, 70_000m, Hoy, Hoy.AddDays(30)));

        var r = await Api.PostAsJsonAsync("/api/v1/documentos/exportar-elegidos", new { documentoIds = new[] { doc.Id() } });
        using var xlsx = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        var fila = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();

        Assert.That(Convert.ToInt64(fila["Folio"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(7));
    }

    [Test]
    public async Task Un_documento_inexistente_o_de_otra_empresa_es_422_y_una_lista_vacia_400()
    {
        var otra = await Fixture.CrearEmpresaAsync("Otra SpA");
        var ajena = await Fixture.ClienteHttpAsync(otra);
        var doc = await CrearDocumentoAsync(Factura(1, 10_000m, Hoy, Hoy.AddDays(30)));

        var r = await ajena.PostAsJsonAsync("/api/v1/documentos/exportar-elegidos", new { documentoIds = new[] { doc.Id() }, formato = "csv" });
        var vacia = await Api.PostAsJsonAsync("/api/v1/documentos/exportar-elegidos", new { documentoIds = Array.Empty<string>(), formato = "csv" });

        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await r.Content.ReadAsStringAsync(), Does.Contain("ya no existe"));
        Assert.That(vacia.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Exporta_solo_los_clientes_elegidos()
    {
        var a = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Elegido Uno SpA"));
        await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "No Elegido SpA"));
        var b = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Elegido Dos SpA"));

        var r = await Api.PostAsJsonAsync("/api/v1/clientes/exportar-elegidos", new { clienteIds = new[] { a.Id(), b.Id() }, formato = "csv" });
        var lineas = Lineas(await r.Content.ReadAsByteArrayAsync());

        Assert.That(lineas[0][1], Is.EqualTo("Razón social"));
        Assert.That(lineas.Skip(1).Select(l => l[1]), Is.EqualTo(new[] { "Elegido Dos SpA", "Elegido Uno SpA" }));
    }

    [Test]
    public async Task Un_cliente_de_otra_empresa_es_422()
    {
        var otra = await Fixture.CrearEmpresaAsync("Otra SpA");
        var ajena = await Fixture.ClienteHttpAsync(otra);

        var r = await ajena.PostAsJsonAsync("/api/v1/clientes/exportar-elegidos", new { clienteIds = new[] { ClienteId }, formato = "csv" });

        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }
}
