using System.Text.Json.Nodes;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests;

/// <summary>The generated tests read the committed document: it must be the one the host serves.</summary>
public sealed class DocumentoOpenApiTests
{
    [Test]
    public async Task El_documento_comprometido_es_el_que_sirve_el_host()
    {
        var vivo = await DocumentoServido.LeerAsync();
        vivo.Remove("servers");
        var comprometido = DocumentoOpenApi.DelRepositorio.Json.DeepClone().AsObject();
        comprometido.Remove("servers");

        var faltan = Operaciones(vivo).Except(Operaciones(comprometido)).ToList();
        var sobran = Operaciones(comprometido).Except(Operaciones(vivo)).ToList();
        Assert.That(faltan, Is.Empty, $"Operaciones del host que no están en {DocumentoOpenApi.RutaComprometida}: regenérelo con dotnet build src/Cobranzas.Api.");
        Assert.That(sobran, Is.Empty, $"Operaciones de {DocumentoOpenApi.RutaComprometida} que el host ya no tiene.");
        Assert.That(JsonNode.DeepEquals(vivo, comprometido), Is.True, $"{DocumentoOpenApi.RutaComprometida} difiere del documento del host: regenérelo con dotnet build src/Cobranzas.Api.");
    }

    [Test]
    public void El_documento_describe_operaciones_con_nombre()
    {
        var operaciones = DocumentoOpenApi.DelRepositorio.Operaciones;

        Assert.That(operaciones, Is.Not.Empty);
        Assert.That(operaciones.Where(o => o.Id.Contains(' ')).Select(o => o.ToString()), Is.Empty, "Operaciones sin .WithName(...)");
        Assert.That(operaciones.Select(o => o.Id), Is.Unique);
    }

    private static IEnumerable<string> Operaciones(JsonObject documento) =>
        documento["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"));
}
