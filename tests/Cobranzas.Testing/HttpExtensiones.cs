using System.Net;
using System.Text.Json.Nodes;

namespace Cobranzas.Testing;

public static class HttpExtensiones
{
    /// <summary>Asserts the status (showing the body when it differs) and answers the JSON body.</summary>
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage respuesta, int estado = 200)
    {
        var texto = await respuesta.TextoAsync(estado);
        return JsonNode.Parse(texto) ?? throw new AssertionException($"{Solicitud(respuesta)}: cuerpo vacío.");
    }

    public static async Task<string> TextoAsync(this HttpResponseMessage respuesta, int estado)
    {
        var texto = await respuesta.Content.ReadAsStringAsync();
        if ((int)respuesta.StatusCode != estado)
            throw new AssertionException($"{Solicitud(respuesta)} respondió {(int)respuesta.StatusCode} y se esperaba {estado}. Cuerpo: {texto}");
        return texto;
    }

    public static Task EsperarAsync(this HttpResponseMessage respuesta, HttpStatusCode estado) => respuesta.TextoAsync((int)estado);

    /// <summary>Asserts an RFC 9457 problem with that status and answers it.</summary>
    public static async Task<JsonObject> ProblemaAsync(this HttpResponseMessage respuesta, int estado)
    {
        var problema = (await respuesta.JsonAsync(estado)).AsObject();
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), Solicitud(respuesta));
        Assert.That((int?)problema["status"], Is.EqualTo(estado), Solicitud(respuesta));
        return problema;
    }

    /// <summary>The fields named in a problem's <c>errors</c> (empty when it has none).</summary>
    public static IReadOnlyList<string> CamposConError(this JsonObject problema) =>
        problema["errors"] is JsonObject errores ? errores.Select(e => e.Key).ToList() : [];

    public static string Solicitud(HttpResponseMessage r) => $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri?.PathAndQuery}";
}
