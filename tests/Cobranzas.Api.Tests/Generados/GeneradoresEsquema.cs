using System.Text.Json.Nodes;
using Cobranzas.Testing.OpenApi;
using CsCheck;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// CsCheck generators read from the OpenAPI schemas: values of the declared type (plausible or at the edges) and values
/// that break the schema (another type, huge, a NUL, an impossible date). Bodies start from a valid one and change some fields.
/// </summary>
public static class GeneradoresEsquema
{
    private static DocumentoOpenApi OpenApi => DocumentoOpenApi.DelRepositorio;

    private static readonly Gen<string> TextoRaro = Gen.OneOf<string>(
        Gen.String[0, 40],
        Gen.String[Gen.Char["abcxyz áéñ'\"<>%;-=+@\\/{}[]"], 0, 30],
        Gen.Const(""), Gen.Const("   "), Gen.Const("con\0nulo"), Gen.Const("\t=1+1"), Gen.Const("🙂 emoji"), Gen.Const("\ud800 suelto"),
        Gen.Int[300, 20_000].Select(n => new string('x', n)),
        Gen.Const("2026-02-30"), Gen.Const("0001-01-01"), Gen.Const("9999-12-31"), Gen.Const("31-12-2026"), Gen.Const("2026-13-01T25:61:00Z"),
        Gen.Const("00000000-0000-0000-0000-000000000000"), Gen.Const(Guid.Empty.ToString()[..8]), Gen.Const("76.086.428-5"), Gen.Const("1-9"), Gen.Const("123456789-0"),
        Gen.Const("NaN"), Gen.Const("-1"), Gen.Const("1e400"), Gen.Const("' OR 1=1 --"), Gen.Const("../../etc/passwd"));

    private static readonly Gen<JsonNode?> NumeroRaro = Gen.OneOf<JsonNode?>(
        Gen.Int.Select(n => (JsonNode?)n), Gen.Long.Select(n => (JsonNode?)n), Gen.Decimal.Select(n => (JsonNode?)n),
        Gen.Const<JsonNode?>(0), Gen.Const<JsonNode?>(-1), Gen.Const<JsonNode?>(int.MaxValue), Gen.Const<JsonNode?>((long)int.MaxValue + 1),
        Gen.Const<JsonNode?>(decimal.MaxValue), Gen.Const<JsonNode?>(decimal.MinValue), Gen.Const<JsonNode?>(0.0001m), Gen.Const<JsonNode?>(0.123456789m),
        Gen.Const<JsonNode?>(1e300), Gen.Const<JsonNode?>(-0.5m), Gen.Const<JsonNode?>(1_000_000_000_000m));

    /// <summary>Any JSON value, of any type.</summary>
    public static readonly Gen<JsonNode?> CualquierValor = Gen.Frequency<JsonNode?>(
        (3, TextoRaro.Select(t => (JsonNode?)t)), (3, NumeroRaro), (1, Gen.Bool.Select(b => (JsonNode?)b)), (1, Gen.Const((JsonNode?)null)),
        (1, Gen.Const<JsonNode?>(new JsonArray())), (1, Gen.Const<JsonNode?>(new JsonObject())), (1, TextoRaro.Array[0, 4].Select(a => (JsonNode?)new JsonArray(a.Select(t => (JsonNode?)t).ToArray()))));

    /// <summary>A value of the schema's type: plausible, at its edges, or (one time in four) of any type.</summary>
    public static Gen<JsonNode?> Valor(JsonObject esquema, int profundidad = 0)
    {
        var tipos = DocumentoOpenApi.Tipos(esquema);
        var propio = esquema["enum"] is JsonArray { Count: > 0 } opciones
            ? Gen.OneOf<JsonNode?>(opciones.Select(o => o?.DeepClone()).ToArray())
            : (string?)esquema["format"] switch
            {
                _ when tipos.Contains("boolean") => Gen.Bool.Select(b => (JsonNode?)b),
                _ when tipos.Contains("integer") => Gen.OneOf<JsonNode?>(Gen.Int[-5, 400].Select(n => (JsonNode?)n), NumeroRaro),
                _ when tipos.Contains("number") => Gen.OneOf<JsonNode?>(Gen.Int[0, 1_000_000].Select(n => (JsonNode?)(decimal)n), NumeroRaro),
                "uuid" => Gen.OneOf<JsonNode?>(Gen.Guid.Select(g => (JsonNode?)g.ToString()), TextoRaro.Select(t => (JsonNode?)t)),
                "date" => Gen.OneOf<JsonNode?>(Gen.Int[-4000, 4000].Select(d => (JsonNode?)new DateOnly(2026, 1, 1).AddDays(d).ToString("yyyy-MM-dd")), TextoRaro.Select(t => (JsonNode?)t)),
                "date-time" => Gen.Int[-4000, 4000].Select(d => (JsonNode?)new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(d).ToString("O")),
                _ when tipos.Contains("string") => TextoRaro.Select(t => (JsonNode?)t),
                _ when tipos.Contains("array") && profundidad < 3 && OpenApi.Resolver(esquema["items"]) is { } items =>
                    Valor(items, profundidad + 1).Array[0, 4].Select(a => (JsonNode?)new JsonArray(a.Select(x => x?.DeepClone()).ToArray())),
                _ when esquema["properties"] is JsonObject && profundidad < 3 => Objeto(esquema, CuerposEjemplo.DesdeEsquema(esquema), profundidad + 1),
                _ => CualquierValor,
            };
        return Gen.Frequency<JsonNode?>((3, propio), (1, CualquierValor));
    }

    /// <summary>The valid object with some of its properties changed, left out or made null, and sometimes a field it does not take.</summary>
    public static Gen<JsonNode?> Objeto(JsonObject esquema, JsonObject valido, int profundidad = 0)
    {
        var propiedades = (esquema["properties"]?.AsObject() ?? []).Select(p => (p.Key, Esquema: OpenApi.Resolver(p.Value) ?? [])).ToList();
        var cambios = propiedades.Select(p => Gen.Frequency<Func<JsonObject, JsonObject>>(
            (12, Gen.Const(SinCambio)),
            (1, Gen.Const(Cambio(o => o.Remove(p.Key)))),
            (1, Gen.Const(Cambio(o => o[p.Key] = null))),
            (3, Valor(p.Esquema, profundidad).Select<JsonNode?, Func<JsonObject, JsonObject>>(v => o => { o[p.Key] = v?.DeepClone(); return o; })))).ToArray();
        var ajeno = Gen.Frequency<Func<JsonObject, JsonObject>>(
            (9, Gen.Const(SinCambio)),
            (1, CualquierValor.Select<JsonNode?, Func<JsonObject, JsonObject>>(v => o => { o["campoDesconocido"] = v?.DeepClone(); return o; })));
        return Todos(cambios.Append(ajeno).ToArray()).Select(fs => (JsonNode?)fs.Aggregate(valido.DeepClone().AsObject(), (o, f) => f(o)));
    }

    /// <summary>A body for the operation: mostly the valid one with changes, sometimes anything at all.</summary>
    public static Gen<JsonNode?> Cuerpo(Operacion op, JsonObject elementoValido)
    {
        var esquema = CuerposEjemplo.EsquemaElemento(op);
        var elemento = Objeto(esquema, elementoValido);
        var cuerpo = CuerposEjemplo.EsLista(op)
            ? Gen.Frequency<JsonNode?>((4, elemento.Select(e => (JsonNode?)new JsonArray(e))), (1, elemento.Array[0, 5].Select(a => (JsonNode?)new JsonArray(a.Select(x => x?.DeepClone()).ToArray()))))
            : elemento;
        return Gen.Frequency<JsonNode?>((10, cuerpo), (1, CualquierValor));
    }

    private static readonly Func<JsonObject, JsonObject> SinCambio = o => o;

    private static Func<JsonObject, JsonObject> Cambio(Action<JsonObject> cambio) => o =>
    {
        cambio(o);
        return o;
    };

    private static Gen<T[]> Todos<T>(Gen<T>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (acumulado, g) => acumulado.Select(g, (a, x) => a.Append(x).ToArray()));
}
