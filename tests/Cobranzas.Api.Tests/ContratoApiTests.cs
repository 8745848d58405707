using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Http;
using Cobranzas.Testing;

namespace Cobranzas.Api.Tests;

/// <summary>The contract as an integrator's generated client reads it: required, numbers and money, in the served document and on the wire.</summary>
public sealed class ContratoApiTests : PruebaApi
{
    /// <summary>Decimals that are not money, each described as what it is.</summary>
    private static readonly HashSet<string> DecimalesQueNoSonMonto = ["valor"];

    private static readonly System.Text.RegularExpressions.Regex MedidaGeografica = new("^(inicio|llegada)?(latitud|longitud|precision)$|^distanciaKm$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    [Test]
    public async Task Solo_es_obligatorio_lo_que_no_admite_null_ni_tiene_valor_por_defecto()
    {
        var esquemas = (await DocumentoServidoAsync())["components"]!["schemas"]!.AsObject();
        var tipos = TiposDelHost();
        var revisados = 0;
        foreach (var (nombre, nodo) in esquemas)
        {
            var esquema = nodo!.AsObject();
            var requeridas = Requeridas(esquema);
            var propiedades = esquema["properties"]?.AsObject() ?? [];
            foreach (var r in requeridas)
                Assert.That(AdmiteNull(propiedades[r]) || propiedades[r]?["default"] is not null, Is.False, $"{nombre}.{r} es obligatoria y admite null o tiene valor por defecto.");

            if (!tipos.TryGetValue(nombre, out var tipo) || tipo.GetConstructors().MaxBy(c => c.GetParameters().Length) is not { } constructor)
                continue;
            foreach (var parametro in constructor.GetParameters().Where(p => propiedades.ContainsKey(Camel(p.Name!))))
            {
                var opcional = parametro.HasDefaultValue || Nullable.GetUnderlyingType(parametro.ParameterType) is not null
                    || (!parametro.ParameterType.IsValueType && new NullabilityInfoContext().Create(parametro).WriteState == NullabilityState.Nullable);
                Assert.That(requeridas.Contains(Camel(parametro.Name!)), Is.EqualTo(!opcional),
                    $"{nombre}.{Camel(parametro.Name!)}: {(opcional ? "admite null o tiene valor por defecto y figura como obligatoria" : "es obligatoria y no figura en required")}.");
                revisados++;
            }
        }

        Assert.That(revisados, Is.GreaterThan(300), "Los esquemas del documento no se encontraron como tipos del host.");
        Assert.That(Requeridas(esquemas["DatosCliente"]!.AsObject()), Is.EquivalentTo(new[] { "rut", "razonSocial", "segmento", "cuentaClave" }));
    }

    [Test]
    public async Task Los_numeros_son_numeros_sin_union_con_texto_ni_patron()
    {
        var nodos = Nodos(await DocumentoServidoAsync()).ToList();
        var uniones = nodos.Where(n => Tipos(n) is var t && t.Contains("string") && (t.Contains("number") || t.Contains("integer")))
            .Select(n => n.GetPath()).ToList();
        var patrones = nodos.Where(n => n["pattern"] is not null && (Tipos(n).Contains("number") || Tipos(n).Contains("integer")))
            .Select(n => n.GetPath()).ToList();

        Assert.That(uniones, Is.Empty, "Números tipados también como texto.");
        Assert.That(patrones, Is.Empty, "Números con patrón de texto.");
        Assert.That(nodos.Count(n => Tipos(n).Contains("integer")), Is.GreaterThan(10));
    }

    [Test]
    public async Task Los_montos_declaran_la_escala_de_su_moneda()
    {
        var esquemas = (await DocumentoServidoAsync())["components"]!["schemas"]!.AsObject();
        var numeros = esquemas.SelectMany(e => (e.Value!["properties"]?.AsObject() ?? []).Select(p => (Esquema: e.Key, Nombre: p.Key, Propiedad: p.Value!.AsObject())))
            .Where(p => Tipos(p.Propiedad).Contains("number"))
            .ToList();
        // Coordinates, GPS accuracy and route distances are measurements, not exact amounts: they travel as doubles.
        var medidas = numeros.Where(p => (string?)p.Propiedad["format"] == "double" && MedidaGeografica.IsMatch(p.Nombre)).ToList();
        Assert.That(medidas.Select(p => p.Nombre).Distinct(), Is.SupersetOf(new[] { "latitud", "longitud", "distanciaKm" }));
        var decimales = numeros.Except(medidas).ToList();

        Assert.That(decimales.Where(p => (string?)p.Propiedad["format"] != "decimal").Select(p => $"{p.Esquema}.{p.Nombre}"), Is.Empty, "Decimales sin format: decimal.");
        Assert.That(decimales.Where(p => p.Propiedad["description"] is null).Select(p => $"{p.Esquema}.{p.Nombre}"), Is.Empty, "Decimales sin descripción.");
        var noMonto = decimales.Where(p => (string?)p.Propiedad["description"] != DecimalJson.DescripcionMonto).ToList();
        Assert.That(noMonto.Select(p => p.Nombre).Where(n => !DecimalJson.NoEsMonto(n)).Except(DecimalesQueNoSonMonto), Is.Empty, "Decimales que no declaran la escala de su moneda.");
        Assert.That(decimales.Where(p => DecimalJson.NoEsMonto(p.Nombre) && (string?)p.Propiedad["description"] == DecimalJson.DescripcionMonto).Select(p => $"{p.Esquema}.{p.Nombre}"),
            Is.Empty, "Porcentajes, índices o días documentados como montos.");
        Assert.That(decimales.Count(p => DecimalJson.NoEsMonto(p.Nombre)), Is.GreaterThan(10));
        Assert.That(DecimalJson.DescripcionMonto, Does.Contain("CLP sin decimales").And.Contain("USD con a lo más 2").And.Contain("UF con a lo más 4"));
        foreach (var (esquema, propiedad) in new[] { ("DocumentoDto", "total"), ("DocumentoDto", "saldo"), ("PagoDto", "monto"), ("DatosDocumento", "total"), ("EstadoCuentaDto", "saldo") })
            Assert.That((string?)esquemas[esquema]!["properties"]![propiedad]!["description"], Is.EqualTo(DecimalJson.DescripcionMonto), $"{esquema}.{propiedad}");
    }

    [Test]
    public async Task Un_monto_en_pesos_viaja_sin_decimales_y_uno_en_dolares_con_a_lo_mas_dos()
    {
        var api = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Montos Exactos SpA"));
        var enPesos = (await api.CrearClienteAsync()).Id();
        var enDolares = (await api.CrearClienteAsync()).Id();
        var hoy = SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj);
        string F(DateOnly d) => d.ToString("yyyy-MM-dd");

        var clp = await (await api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = 1L, clienteId = enPesos, fechaEmision = F(hoy.AddDays(-40)), fechaVencimiento = F(hoy.AddDays(-10)),
            moneda = "CLP", neto = 392676595m, exento = 0m, iva = 0m, total = 392676595m,
        })).TextoAsync(201);
        var usd = await (await api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "110", folio = 2L, clienteId = enDolares, fechaEmision = F(hoy.AddDays(-2)), fechaVencimiento = F(hoy.AddDays(28)),
            moneda = "USD", neto = 0m, exento = 1250.5m, iva = 0m, total = 1250.5m,
        })).TextoAsync(201);

        Assert.That(clp, Does.Contain("\"total\":392676595,").And.Contain("\"saldo\":392676595,").And.Not.Contain("392676595."));
        Assert.That(Montos(JsonNode.Parse(usd)!, "neto", "exento", "iva", "total", "saldo"), Has.All.Matches<string>(m => !m.Contains('.') || m.Split('.')[1].Length <= 2));
        Assert.That((decimal)JsonNode.Parse(usd)!["total"]!, Is.EqualTo(1250.5m));

        var lista = await (await api.GetAsync($"/api/v1/documentos?clienteId={enPesos}")).TextoAsync(200);
        Assert.That(lista, Does.Contain("\"total\":392676595,").And.Not.Contain("392676595."));
        // The statement is written by its own source-generated serializer.
        var estado = await (await api.GetAsync($"/api/v1/clientes/{enPesos}/estado-cuenta")).TextoAsync(200);
        Assert.That(estado, Does.Contain("\"saldo\":392676595,").And.Not.Contain("392676595."));
    }

    [Test]
    public async Task Un_monto_enviado_como_texto_se_rechaza_nombrando_el_campo()
    {
        var api = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Montos Estrictos SpA"));
        var cliente = (await api.CrearClienteAsync()).Id();
        var hoy = SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).ToString("yyyy-MM-dd");

        var problema = await (await api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = "3", clienteId = cliente, fechaEmision = hoy, fechaVencimiento = hoy, moneda = "CLP", neto = 1000m, exento = 0m, iva = 0m, total = "1000",
        })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Has.Some.Matches<string>(c => c is "folio" or "total"));
        Assert.That(await (await api.GetAsync($"/api/v1/documentos?clienteId={cliente}")).TextoAsync(200), Does.Not.Contain("\"folio\":3"));
    }

    private static Task<JsonObject> DocumentoServidoAsync() => DocumentoServido.LeerAsync();

    /// <summary>The host's types by name, as the OpenAPI document names its schemas (names used twice are left out).</summary>
    private static Dictionary<string, Type> TiposDelHost() =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("Cobranzas.", StringComparison.Ordinal) == true && !a.GetName().Name!.EndsWith(".Tests", StringComparison.Ordinal))
            .SelectMany(a => a.GetExportedTypes()).Where(t => !t.IsGenericType)
            .GroupBy(t => t.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());

    private static HashSet<string> Requeridas(JsonObject esquema) => (esquema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();

    private static bool AdmiteNull(JsonNode? propiedad) =>
        propiedad is JsonObject o && (Tipos(o).Contains("null") || new[] { "oneOf", "anyOf" }.Any(k => o[k] is JsonArray a && a.Any(x => x is JsonObject xo && Tipos(xo).Contains("null"))));

    private static HashSet<string> Tipos(JsonObject esquema) => esquema["type"] switch
    {
        JsonArray a => a.Select(t => (string)t!).ToHashSet(),
        JsonValue v => [(string)v!],
        _ => [],
    };

    private static IEnumerable<JsonObject> Nodos(JsonNode? nodo) => nodo switch
    {
        JsonObject o => o.SelectMany(p => Nodos(p.Value)).Prepend(o),
        JsonArray a => a.SelectMany(Nodos),
        _ => [],
    };

    /// <summary>The numbers as the server wrote them.</summary>
    private static IEnumerable<string> Montos(JsonNode documento, params string[] campos) => campos.Select(c => documento[c]!.ToJsonString());

    private static string Camel(string nombre) => char.ToLowerInvariant(nombre[0]) + nombre[1..];
}
