using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Api.Tests;

/// <summary>
/// The OpenAPI document the host serves, fetched once per run: the host builds it anew on every request (seconds of CPU on a
/// busy machine) and it only changes with the code. Each reader gets a tree of its own.
/// </summary>
public static class DocumentoServido
{
    private static readonly Lazy<Task<string>> Texto = new(async () => await (await Fixture.ClienteAnonimo().GetAsync("/openapi/v1.json")).TextoAsync(200));

    public static async Task<JsonObject> LeerAsync() => JsonNode.Parse(await Texto.Value)!.AsObject();
}
