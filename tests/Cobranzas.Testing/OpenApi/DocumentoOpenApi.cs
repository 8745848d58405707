using System.Text.Json.Nodes;
using Cobranzas.Testing.Infraestructura;

namespace Cobranzas.Testing.OpenApi;

public sealed record Parametro(string Nombre, string Ubicacion, bool Requerido, JsonObject? Esquema);

/// <summary>One operation of the OpenAPI document, with its body schema already resolved.</summary>
public sealed record Operacion(
    string Metodo,
    string Ruta,
    string Id,
    IReadOnlyList<Parametro> Parametros,
    string? TipoCuerpo,
    string? NombreEsquemaCuerpo,
    JsonObject? EsquemaCuerpo,
    bool Anonima,
    IReadOnlySet<string> Permisos)
{
    public bool Requiere(string permiso) => Permisos.Contains(permiso);

    public IEnumerable<string> ParametrosRuta => Parametros.Where(p => p.Ubicacion == "path").Select(p => p.Nombre);

    public bool TieneCuerpoJson => TipoCuerpo == "application/json";

    public bool EsEscritura => Metodo is "PUT" or "PATCH" or "DELETE" || (Metodo == "POST" && !EsLecturaPorPost);

    /// <summary>
    /// A POST that needs only "ver": a read whose query does not fit in a URL (the export of the rows a person chose),
    /// answered like any GET and changing nothing.
    /// </summary>
    public bool EsLecturaPorPost => Metodo == "POST" && Permisos.Count > 0 && Permisos.All(p => p == "ver");

    public bool EsAutenticacion => Ruta.StartsWith("/api/v1/auth/", StringComparison.Ordinal);

    /// <summary>An operation of the client portal that needs a portal session (policy "Portal"): staff credentials are no one there.</summary>
    public bool EsPortal => Permisos.Contains("Portal");

    /// <summary>Only a collection agency's scoped key calls it (issue 16 §5); no user or other key of the company has the permission.</summary>
    public bool EsAgencia => Permisos.Contains("agencia");

    public override string ToString() => $"{Metodo} {Ruta}";

    /// <summary>An empty body of the declared media type: <c>{}</c>, or a form with empty parts.</summary>
    public HttpContent? ContenidoVacio()
    {
        if (TipoCuerpo is null)
            return null;
        if (TipoCuerpo != "multipart/form-data")
            return new StringContent("{}", System.Text.Encoding.UTF8, TipoCuerpo);
        var formulario = new MultipartFormDataContent();
        foreach (var (nombre, _) in EsquemaCuerpo?["properties"]?.AsObject() ?? [])
            formulario.Add(new ByteArrayContent([]), nombre, $"{nombre}.csv");
        return formulario;
    }

    /// <summary>The path with every parameter replaced by the same value.</summary>
    public string RutaCon(string valor) => ParametrosRuta.Aggregate(Ruta, (ruta, p) => ruta.Replace($"{{{p}}}", valor));
}

/// <summary>Reads the OpenAPI document as JSON: operations, parameters and body schemas.</summary>
public sealed class DocumentoOpenApi
{
    public const string RutaComprometida = "web-client/openapi.json";

    /// <summary>
    /// The API operations that answer without credentials. The document does not mark them
    /// (no per-operation <c>security: []</c>), so they are listed here; a test checks this list
    /// against the endpoints' [AllowAnonymous] metadata.
    /// </summary>
    public static readonly IReadOnlySet<string> OperacionesAnonimas = new HashSet<string>
    {
        "IniciarSesion", "ObtenerInvitacion", "ActivarCuenta", "RecuperarClave", "RestablecerClave", "RegistrarApertura", "RegistrarClic", "VerBajaRecordatorios", "RegistrarBajaRecordatorios", "ObtenerLogoPublico",
        "RecibirNotificacionProveedor", "RecibirRetornoProveedor", "SolicitarAccesoPortal", "AbrirSesionPortal",
    };

    private static readonly Lazy<DocumentoOpenApi> Comprometido = new(() =>
        new DocumentoOpenApi(JsonNode.Parse(File.ReadAllText(Path.Combine(RaizRepositorio.Ruta, RutaComprometida)))!.AsObject()));

    private readonly JsonObject _esquemas;

    public DocumentoOpenApi(JsonObject documento)
    {
        Json = documento;
        _esquemas = documento["components"]?["schemas"]?.AsObject() ?? [];
        Operaciones = LeerOperaciones(documento);
    }

    /// <summary>The committed web-client/openapi.json: test case sources read it before any host exists.</summary>
    public static DocumentoOpenApi DelRepositorio => Comprometido.Value;

    public JsonObject Json { get; }

    public IReadOnlyList<Operacion> Operaciones { get; }

    private List<Operacion> LeerOperaciones(JsonObject documento)
    {
        var operaciones = new List<Operacion>();
        foreach (var (ruta, item) in documento["paths"]!.AsObject())
        {
            foreach (var (metodo, op) in item!.AsObject())
            {
                if (metodo is "parameters" or "summary" or "description" or "servers")
                    continue;
                var parametros = (op!["parameters"]?.AsArray() ?? [])
                    .Select(p => new Parametro((string)p!["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, Resolver(p["schema"])))
                    .ToList();
                var contenido = op["requestBody"]?["content"]?.AsObject();
                var tipo = contenido?.Select(c => c.Key).FirstOrDefault();
                var esquema = tipo is null ? null : SinNulo(contenido![tipo]!["schema"]);
                var id = (string?)op["operationId"] ?? $"{metodo} {ruta}";
                // OpenAPI marks an operation open to anyone with an empty security list.
                var anonima = op["security"] is JsonArray { Count: 0 } || OperacionesAnonimas.Contains(id);
                var permisos = (op["x-permisos"]?.AsArray() ?? []).Select(p => (string)p!).ToHashSet();
                operaciones.Add(new Operacion(metodo.ToUpperInvariant(), ruta, id, parametros, tipo, NombreReferencia(esquema), Resolver(esquema), anonima, permisos));
            }
        }

        return operaciones;
    }

    /// <summary>Follows <c>$ref</c> to components/schemas.</summary>
    public JsonObject? Resolver(JsonNode? esquema)
    {
        if (esquema is not JsonObject o)
            return null;
        return o["$ref"] is { } referencia ? Resolver(_esquemas[((string)referencia!).Split('/')[^1]]) : o;
    }

    /// <summary>The non-null alternative of a nullable schema (<c>oneOf</c>/<c>anyOf</c> with <c>type: null</c>), or the schema itself.</summary>
    public static JsonNode? SinNulo(JsonNode? esquema) =>
        (esquema?["oneOf"] ?? esquema?["anyOf"]) is JsonArray alternativas
            ? alternativas.FirstOrDefault(a => a is JsonObject o && !(o["type"] is JsonValue t && (string?)t == "null"))
            : esquema;

    public static string? NombreReferencia(JsonNode? esquema) => esquema?["$ref"] is { } r ? ((string)r!).Split('/')[^1] : null;

    /// <summary>The names in "type" (a string or an array in OpenAPI 3.1).</summary>
    public static IReadOnlySet<string> Tipos(JsonObject? esquema) => esquema?["type"] switch
    {
        JsonArray a => a.Select(t => (string)t!).ToHashSet(),
        JsonValue v => new HashSet<string> { (string)v! },
        _ => new HashSet<string>(),
    };

    public static NUnit.Framework.TestCaseData Caso(Operacion op) => new NUnit.Framework.TestCaseData(op).SetArgDisplayNames(op.Id);
}
