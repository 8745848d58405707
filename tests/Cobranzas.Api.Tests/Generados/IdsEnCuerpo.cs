using System.Text.Json.Nodes;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// The properties of a request body that refer to a resource by id (<c>clienteId</c>,
/// <c>aplicaciones[].documentoId</c>, <c>ids</c>…), found in the schema, and a way to put a given
/// company's id in one of them.
/// </summary>
public static class IdsEnCuerpo
{
    /// <summary>Id-like properties that are not ids of ours.</summary>
    private static readonly Dictionary<string, string> NoSonReferencias = new() { ["externalId"] = "id del documento en el ERP, no de Cobranzas" };

    /// <summary>Fields an operation refuses whatever id they carry, so no id in them can reach anything.</summary>
    private static readonly Dictionary<(string Operacion, string Campo), string> CamposRechazados = new()
    {
        [("ImportarLoteDocumentos", "[].referencia.documentoId")] = "el lote no acepta notas con referencia (regla referencia_en_lote)",
        [("ImportarLotePagos", "[].aplicaciones.[].documentoId")] = "el lote sólo aplica automáticamente (regla solo_automatica)",
    };

    private static DocumentoOpenApi OpenApi => DocumentoOpenApi.DelRepositorio;

    public static IEnumerable<TestCaseData> Casos() =>
        OpenApi.Operaciones.Where(o => o.TieneCuerpoJson && !o.EsPortal)
            .SelectMany(o => Campos(o.EsquemaCuerpo, []).Where(c => !CamposRechazados.ContainsKey((o.Id, c))).Select(c => new TestCaseData(o, c).SetArgDisplayNames(o.Id, c)));

    /// <summary>The seeded collection whose id the field takes (see <see cref="RecursosEmpresa"/>), or null for a field nobody mapped yet.</summary>
    public static string? Coleccion(Operacion op, string campo) => campo.Split('.')[^1] switch
    {
        "clienteId" when op.Id == "SolicitarNotaDebito" => "/api/v1/cargos-mora/clientes",
        "clienteId" when op.Id is "CrearConvenio" or "VistaPreviaConvenio" => "/api/v1/convenios/clientes",
        "documentoIds" when op.Id is "CrearConvenio" or "VistaPreviaConvenio" => "/api/v1/convenios/documentos",
        "documentoIds" when op.Id == "CrearPropuestaCastigo" => "/api/v1/castigos/candidatos",
        "documentoId" when op.Id == "RegistrarRecuperoCastigo" => "/api/v1/castigos/documentos",
        "clienteId" => "/api/v1/clientes",
        "documentoId" or "documentoIds" => "/api/v1/documentos",
        "tipoActividadId" => "/api/v1/gestion/tipos-actividad",
        "notaCreditoId" => "notaCredito",
        "ejecutivoId" => "/api/v1/usuarios",
        "empresaId" => "empresa",
        "motivoId" => "/api/v1/gestion/motivos-disputa",
        "ids" when op.Id == "ResolverDisputas" => "/api/v1/gestion/disputas",
        "ids" => op.Ruta,
        "clienteIds" => "/api/v1/clientes",
        "cobradorIds" => RecursosEmpresa.CobradorDestino,
        "cobradorId" or "haciaCobradorId" or "desdeCobradorId" or "asignadoAId" => RecursosEmpresa.CobradorDestino,
        "carteraId" => "/api/v1/gestion/carteras",
        "estudioId" => "/api/v1/judicial/estudios",
        "polizaId" => "/api/v1/credito/seguros/polizas",
        "factorId" => "/api/v1/factoring/factores",
        "usuarioId" => RecursosEmpresa.UsuarioLibre,
        "cuentaIds" => "/api/v1/notificaciones/cuentas-deposito",
        "grupoClienteIds" => "/api/v1/grupos-clientes",
        "grupoContactoIds" => "/api/v1/grupos-contactos",
        "grupoClienteId" => "/api/v1/grupos-clientes",
        "usuarioIds" => "/api/v1/usuarios",
        _ => null,
    };

    /// <summary>The body with <paramref name="id"/> in the field (a missing array or object on the way is built from the schema).</summary>
    public static JsonNode ConId(JsonNode cuerpo, Operacion op, string campo, string id)
    {
        var nombre = campo.Split('.')[^1];
        JsonNode valor = nombre.EndsWith("Ids", StringComparison.Ordinal) || nombre == "ids" ? new JsonArray(id) : JsonValue.Create(id);
        return Poner(cuerpo, op.EsquemaCuerpo!, campo.Split('.'), 0, valor);
    }

    private static IEnumerable<string> Campos(JsonObject? esquema, string[] prefijo)
    {
        esquema = Objeto(esquema);
        if (esquema is null || prefijo.Length > 6)
            yield break;
        if (OpenApi.Resolver(esquema["items"]) is { } items)
        {
            foreach (var c in Campos(items, [.. prefijo, "[]"]))
                yield return c;
        }

        foreach (var (nombre, propiedad) in esquema["properties"]?.AsObject() ?? [])
        {
            var ruta = (string[])[.. prefijo, nombre];
            if (EsId(nombre) && !NoSonReferencias.ContainsKey(nombre))
                yield return string.Join('.', ruta);
            else
                foreach (var c in Campos(OpenApi.Resolver(propiedad), ruta))
                    yield return c;
        }
    }

    private static bool EsId(string nombre) => nombre.EndsWith("Id", StringComparison.Ordinal) || nombre.EndsWith("Ids", StringComparison.Ordinal) || nombre == "ids";

    private static JsonNode Poner(JsonNode? actual, JsonObject esquema, string[] ruta, int i, JsonNode valor)
    {
        if (i == ruta.Length)
            return valor;
        esquema = Objeto(esquema)!;
        if (ruta[i] == "[]")
        {
            var items = Objeto(OpenApi.Resolver(esquema["items"]))!;
            var arreglo = actual as JsonArray ?? [];
            var primero = arreglo.Count > 0 ? arreglo[0] : CuerposEjemplo.DesdeEsquema(items);
            if (arreglo.Count > 0)
                arreglo.RemoveAt(0);
            arreglo.Insert(0, Poner(primero, items, ruta, i + 1, valor));
            return arreglo;
        }

        var objeto = actual as JsonObject ?? CuerposEjemplo.DesdeEsquema(esquema);
        var hijo = objeto[ruta[i]];
        objeto.Remove(ruta[i]);
        objeto[ruta[i]] = Poner(hijo, OpenApi.Resolver(esquema["properties"]![ruta[i]])!, ruta, i + 1, valor);
        // Lines to apply only count in a manual application; only credit and debit notes refer to another document.
        if (ruta[i] == "aplicaciones" && objeto.ContainsKey("aplicacion"))
            objeto["aplicacion"] = "manual";
        if (ruta[i] == "referencia" && objeto.ContainsKey("tipo"))
            objeto["tipo"] = "61";
        return objeto;
    }

    /// <summary>The schema itself, or its non-null alternative when it is nullable (<c>anyOf</c>/<c>oneOf</c> with null).</summary>
    private static JsonObject? Objeto(JsonObject? esquema) => OpenApi.Resolver(DocumentoOpenApi.SinNulo(esquema));
}
