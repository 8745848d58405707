using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>Found by the money property: a document ceded, bought back and ceded again keeps the first cession in its past.</summary>
public sealed class CesionHistoriaTests : PruebaCartera
{
    private static readonly object Factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" };

    private async Task<decimal> AntiguedadAlAsync(DateOnly corte) =>
        (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?fechaCorte={F(corte)}&clienteId={ClienteId}")).JsonAsync())["total"]!;

    [Test]
    public async Task Ceder_de_nuevo_un_documento_recomprado_no_lo_devuelve_a_la_cartera_durante_la_primera_cesion()
    {
        Api = await Fixture.ClienteConApiKeyAsync(Empresa, "lectura_escritura");
        var doc = await CrearDocumentoAsync(Factura(Fixture.Siguiente(), 1000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var primeraCesion = Hoy.AddDays(-50);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/ceder", new { factor = Factor, fecha = F(primeraCesion) })).JsonAsync();
        Assert.That(await AntiguedadAlAsync(primeraCesion.AddDays(5)), Is.Zero, "con el factor, fuera de la cartera");

        Fixture.Reloj.Advance(TimeSpan.FromDays(3));
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/ceder/revertir", new { motivo = "recompra" })).JsonAsync();
        var recompra = Hoy;
        Fixture.Reloj.Advance(TimeSpan.FromDays(3));
        var segunda = await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/ceder", new { factor = Factor, fecha = F(Hoy) });

        Assert.That((int)segunda.StatusCode, Is.AnyOf(200, 422), await segunda.Content.ReadAsStringAsync());
        Assert.That(await AntiguedadAlAsync(primeraCesion.AddDays(5)), Is.Zero, "durante la primera cesión el documento estaba con el factor");
        Assert.That(await AntiguedadAlAsync(recompra), Is.EqualTo(1000m), "recomprado, vuelve a la cartera");
    }
}
