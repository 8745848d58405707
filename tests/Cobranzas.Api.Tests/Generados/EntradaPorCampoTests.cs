using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// Each field alone, read from the schema: starting from a valid body, one field (also nested, and in the first element of an
/// array) gets the wrong JSON type, a value outside its declared range, length, enum, date or uuid format, a NUL, or goes
/// missing when required. The answer is 400/422 naming THAT field as the client wrote it, in Spanish, and nothing changes.
/// Breaking every field at once (as <see cref="EntradaInvalidaTests"/> does) passes when any one field is named, and stops
/// at JSON binding before the validators are reached.
/// </summary>
public sealed class EntradaPorCampoTests : PruebaSobreDatosSembrados
{
    /// <summary>The cases only grow with the document; fewer means a generator stopped seeing fields.</summary>
    public const int MinimoCasosCuerpo = 577;

    public const int MinimoCasosConsulta = 56;

    public const int MinimoCasosArchivo = 4;

    private RecursosEmpresa _empresa = null!;

    private static DocumentoOpenApi OpenApi => DocumentoOpenApi.DelRepositorio;

    /// <summary>One step of a field's path: a property name, or the first element of an array.</summary>
    public sealed record Paso(string? Propiedad)
    {
        public static readonly Paso PrimerElemento = new((string?)null);

        public override string ToString() => Propiedad ?? "[0]";
    }

    /// <summary>A field of the body and how it is broken.</summary>
    public sealed record Variante(IReadOnlyList<Paso> Ruta, string Nombre, Func<JsonNode?, JsonNode?>? Valor)
    {
        /// <summary>The field as the API names it: <c>aplicaciones[0].monto</c>.</summary>
        public string Campo => string.Concat(Ruta.Select((p, i) => p.Propiedad is null ? "[0]" : i == 0 ? p.Propiedad : "." + p.Propiedad));

        public bool Quitar => Valor is null;

        public override string ToString() => $"{Campo} {Nombre}";
    }

    private static IEnumerable<Operacion> EscriturasJson =>
        OpenApi.Operaciones.Where(o => o.Metodo is "POST" or "PUT" or "PATCH" && o.TieneCuerpoJson && CuerposEjemplo.EsquemaElemento(o)["properties"] is JsonObject { Count: > 0 });

    public static IEnumerable<TestCaseData> PorCampoDelCuerpo() =>
        EscriturasJson.SelectMany(op => Variantes(CuerposEjemplo.EsquemaElemento(op), [], 0)
            .Select(v => new TestCaseData(op, v).SetArgDisplayNames(op.Id, v.ToString())));

    public static IEnumerable<TestCaseData> PorParametroDeConsulta() =>
        OpenApi.Operaciones.SelectMany(op => op.Parametros.Where(p => p.Ubicacion == "query")
            .SelectMany(p => ValoresInvalidosConsulta(p.Esquema ?? []).Select(v => new TestCaseData(op, p.Nombre, v.Valor).SetArgDisplayNames(op.Id, $"{p.Nombre} {v.Nombre}"))));

    public static Cobertura Cobertura =>
        Cobertura.De(
            nameof(EntradaPorCampoTests),
            new Dictionary<string, Func<IEnumerable<TestCaseData>>>
            {
                [nameof(PorCampoDelCuerpo)] = PorCampoDelCuerpo,
                [nameof(PorParametroDeConsulta)] = PorParametroDeConsulta,
                [nameof(PorArchivoFaltante)] = PorArchivoFaltante,
            },
            new Exclusion("sin cuerpo ni parámetros de consulta con tipo o formato: sólo ids en la ruta o textos libres", o =>
                !EscriturasJson.Contains(o) && o.TipoCuerpo != "multipart/form-data" && !o.Parametros.Any(p => p.Ubicacion == "query" && ValoresInvalidosConsulta(p.Esquema ?? []).Any())));

    /// <summary>Forms (imports) without one of their required file parts.</summary>
    public static IEnumerable<TestCaseData> PorArchivoFaltante() =>
        OpenApi.Operaciones.Where(o => o.TipoCuerpo == "multipart/form-data")
            .SelectMany(op => PartesArchivo(op).Where(p => (op.EsquemaCuerpo?["required"]?.AsArray() ?? []).Any(r => (string?)r == p))
                .Select(p => new TestCaseData(op, p).SetArgDisplayNames(op.Id, $"{p} falta")));

    private static IEnumerable<string> PartesArchivo(Operacion op) =>
        (op.EsquemaCuerpo?["allOf"]?.AsArray() ?? []).Append(op.EsquemaCuerpo).SelectMany(e => e?["properties"]?.AsObject() ?? [])
            .Where(p => DocumentoOpenApi.NombreReferencia(p.Value) == "IFormFile").Select(p => p.Key);

    [Test]
    public void Los_casos_generados_no_disminuyen()
    {
        var cuerpo = PorCampoDelCuerpo().Count();
        var consulta = PorParametroDeConsulta().Count();
        TestContext.Out.WriteLine($"{cuerpo} casos por campo del cuerpo, {consulta} por parámetro de consulta.");
        Assert.That(cuerpo, Is.GreaterThanOrEqualTo(MinimoCasosCuerpo));
        Assert.That(consulta, Is.GreaterThanOrEqualTo(MinimoCasosConsulta));
        Assert.That(PorArchivoFaltante().Count(), Is.GreaterThanOrEqualTo(MinimoCasosArchivo));
    }

    protected override async Task SembrarAsync() => _empresa = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Campos Ltda"));

    protected override void VolverAlSembradoEnMemoria() => _empresa.VolverAlSembrado();

    [TestCaseSource(nameof(PorCampoDelCuerpo))]
    public async Task Un_campo_invalido_se_rechaza_nombrando_ese_campo_sin_cambios(Operacion op, Variante variante)
    {
        var elemento = CuerposEjemplo.ElementoValido(op, _empresa);
        Aplicar(elemento, CuerposEjemplo.EsquemaElemento(op), variante);
        var cuerpo = CuerposEjemplo.Envolver(op, elemento);
        var url = await _empresa.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        var respuesta = await _empresa.Llamador(op).SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Json(cuerpo) });
        var texto = await respuesta.Content.ReadAsStringAsync();

        var campo = CuerposEjemplo.EsLista(op) ? "[0]." + variante.Campo : variante.Campo;
        var contexto = $"{op.Metodo} {url} con {variante}: {Resumen(cuerpo)} → {(int)respuesta.StatusCode} {texto}";
        Assert.That((int)respuesta.StatusCode, Is.AnyOf(400, 422), contexto);
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), contexto);
        Assert.That(JsonNode.Parse(texto)!.AsObject().CamposConError(), Does.Contain(campo), $"errors no nombra «{campo}»: {contexto}");
        Assert.That(texto, Does.Not.Match(@"Cobranzas\.|System\.|Validator\b|\b(is|must|should|not a valid)\b"), $"la respuesta nombra un tipo de .NET o habla inglés: {contexto}");
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes), $"La solicitud rechazada cambió datos: {contexto}");
    }

    [TestCaseSource(nameof(PorParametroDeConsulta))]
    public async Task Un_parametro_de_consulta_invalido_se_rechaza_nombrandolo(Operacion op, string parametro, string valor)
    {
        var url = await _empresa.UrlAsync(op);
        // A required parameter is already in the URL with a valid value: the invalid one replaces it.
        var sinEl = string.Join('&', url.Split('?', 2).ElementAtOrDefault(1)?.Split('&').Where(p => !p.StartsWith(parametro + "=", StringComparison.Ordinal)) ?? []);
        var conInvalido = $"{url.Split('?')[0]}?{(sinEl.Length > 0 ? sinEl + "&" : "")}{parametro}={Uri.EscapeDataString(valor)}";
        var antes = await Fixture.ContarFilasAsync();

        var respuesta = await _empresa.Llamador(op).SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), conInvalido) { Content = ContenidoValido(op) });
        var texto = await respuesta.Content.ReadAsStringAsync();

        var contexto = $"{op.Metodo} {conInvalido} → {(int)respuesta.StatusCode} {texto}";
        Assert.That((int)respuesta.StatusCode, Is.AnyOf(400, 422), contexto);
        Assert.That(JsonNode.Parse(texto)!.AsObject().CamposConError(), Does.Contain(parametro), contexto);
        Assert.That(texto, Does.Not.Match(@"Cobranzas\.|System\.|Validator\b|\b(is|must|should|not a valid)\b"), $"la respuesta nombra un tipo de .NET o habla inglés: {contexto}");
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes), $"La solicitud rechazada cambió datos: {contexto}");
    }

    [TestCaseSource(nameof(PorArchivoFaltante))]
    public async Task Un_formulario_sin_su_archivo_se_rechaza_nombrandolo(Operacion op, string parte)
    {
        var url = await _empresa.UrlAsync(op);
        var formulario = new MultipartFormDataContent();
        foreach (var otra in PartesArchivo(op).Where(p => p != parte))
            formulario.Add(new ByteArrayContent("encabezado\n"u8.ToArray()), otra, $"{otra}.csv");
        var antes = await Fixture.ContarFilasAsync();

        // A form may be sent with PUT (a definition's logo), not only POST.
        var respuesta = await _empresa.Llamador(op).SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = formulario });
        var texto = await respuesta.Content.ReadAsStringAsync();

        var contexto = $"{op.Metodo} {url} sin «{parte}» → {(int)respuesta.StatusCode} {texto}";
        Assert.That((int)respuesta.StatusCode, Is.AnyOf(400, 422), contexto);
        Assert.That(JsonNode.Parse(texto)!.AsObject().CamposConError(), Does.Contain(parte), contexto);
        Assert.That(texto, Does.Not.Match(@"Cobranzas\.|System\.|IFormFile|Validator\b|\b(is|must|should|not a valid|Failed)\b"), $"la respuesta nombra un tipo de .NET o habla inglés: {contexto}");
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes), $"La solicitud rechazada cambió datos: {contexto}");
    }

    /// <summary>A body that binds, so the query parameter is what fails: a file with one line in each part of a form.</summary>
    private HttpContent? ContenidoValido(Operacion op)
    {
        if (op.TipoCuerpo != "multipart/form-data")
            return CuerposEjemplo.Contenido(op, _empresa);
        var formulario = new MultipartFormDataContent();
        foreach (var nombre in PartesArchivo(op))
            formulario.Add(new ByteArrayContent("encabezado\n"u8.ToArray()), nombre, $"{nombre}.csv");
        return formulario;
    }

    /// <summary>Every way to break each field of the schema alone, recursing into objects and the first element of arrays.</summary>
    private static IEnumerable<Variante> Variantes(JsonObject esquema, IReadOnlyList<Paso> prefijo, int profundidad)
    {
        var requeridas = (esquema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();
        foreach (var (nombre, propiedad) in esquema["properties"]?.AsObject() ?? [])
        {
            var completa = OpenApi.Resolver(propiedad) ?? [];
            var p = OpenApi.Resolver(DocumentoOpenApi.SinNulo(completa)) ?? completa;
            var admiteNulo = DocumentoOpenApi.Tipos(completa).Contains("null") || completa["oneOf"] is not null || completa["anyOf"] is not null;
            var ruta = prefijo.Append(new Paso(nombre)).ToList();
            foreach (var v in VariantesDelValor(p, ruta, profundidad))
                yield return v;
            if (requeridas.Contains(nombre) && !admiteNulo)
                yield return new Variante(ruta, "falta", null);
        }
    }

    private static IEnumerable<Variante> VariantesDelValor(JsonObject p, List<Paso> ruta, int profundidad)
    {
        var tipos = DocumentoOpenApi.Tipos(p);
        var formato = (string?)p["format"];
        if (tipos.Contains("string"))
        {
            yield return new Variante(ruta, "tipo incorrecto", _ => 12345);
            if (p["maxLength"] is JsonValue largo)
                yield return new Variante(ruta, $"más de {(int)largo} caracteres", _ => new string('x', (int)largo + 1));
            if (p["enum"] is JsonArray { Count: > 0 })
                yield return new Variante(ruta, "fuera de la lista", _ => "valor-fuera-de-la-lista");
            if (formato == "date")
                yield return new Variante(ruta, "fecha imposible", _ => "2026-02-30");
            else if (formato == "date-time")
                yield return new Variante(ruta, "fecha y hora imposible", _ => "2026-02-30T10:00:00Z");
            else if (formato == "uuid")
                yield return new Variante(ruta, "no es uuid", _ => "no-es-un-uuid");
            else if (formato is null && p["enum"] is null)
                yield return new Variante(ruta, "con carácter nulo", _ => "con\0nulo");
        }
        else if (tipos.Contains("integer") || tipos.Contains("number"))
        {
            yield return new Variante(ruta, "tipo incorrecto", _ => "no-es-un-numero");
            if (p["minimum"] is JsonValue minimo)
                yield return new Variante(ruta, "bajo el mínimo", _ => (decimal)minimo - 1);
            if (p["maximum"] is JsonValue maximo)
                yield return new Variante(ruta, "sobre el máximo", _ => (decimal)maximo + 1);
            if (p["exclusiveMinimum"] is JsonValue { } excluidoAbajo && excluidoAbajo.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                yield return new Variante(ruta, "igual al mínimo excluido", _ => (decimal)excluidoAbajo);
            if (p["exclusiveMaximum"] is JsonValue { } excluidoArriba && excluidoArriba.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                yield return new Variante(ruta, "igual al máximo excluido", _ => (decimal)excluidoArriba);
        }
        else if (tipos.Contains("boolean"))
        {
            yield return new Variante(ruta, "tipo incorrecto", _ => "quizás");
        }
        else if (tipos.Contains("array"))
        {
            yield return new Variante(ruta, "tipo incorrecto", _ => "no-es-una-lista");
            if (profundidad < 3 && OpenApi.Resolver(p["items"]) is { } items)
            {
                var elemento = ruta.Append(Paso.PrimerElemento).ToList();
                foreach (var v in items["properties"] is JsonObject ? Variantes(items, elemento, profundidad + 1) : VariantesDelValor(items, elemento, profundidad + 1))
                    yield return v;
            }
        }
        else if (p["properties"] is JsonObject)
        {
            yield return new Variante(ruta, "tipo incorrecto", _ => "no-es-un-objeto");
            if (profundidad < 3)
            {
                foreach (var v in Variantes(p, ruta, profundidad + 1))
                    yield return v;
            }
        }
    }

    /// <summary>Puts the variant's value at its path, filling null or missing objects and arrays on the way with valid ones.</summary>
    private static void Aplicar(JsonObject elemento, JsonObject esquema, Variante variante)
    {
        JsonNode contenedor = elemento;
        var esquemaActual = esquema;
        for (var i = 0; i < variante.Ruta.Count - 1; i++)
        {
            var (siguiente, esquemaSiguiente) = Entrar(contenedor, esquemaActual, variante.Ruta[i]);
            contenedor = siguiente;
            esquemaActual = esquemaSiguiente;
        }

        var ultimo = variante.Ruta[^1];
        if (ultimo.Propiedad is { } nombre)
        {
            var objeto = contenedor.AsObject();
            if (variante.Quitar)
                objeto.Remove(nombre);
            else
                objeto[nombre] = variante.Valor!(objeto[nombre]);
        }
        else
        {
            var lista = contenedor.AsArray();
            if (lista.Count == 0)
                lista.Add(variante.Valor!(null));
            else
                lista[0] = variante.Valor!(lista[0]);
        }
    }

    private static (JsonNode Nodo, JsonObject Esquema) Entrar(JsonNode contenedor, JsonObject esquema, Paso paso)
    {
        if (paso.Propiedad is { } nombre)
        {
            var completa = OpenApi.Resolver(esquema["properties"]![nombre]) ?? [];
            var p = OpenApi.Resolver(DocumentoOpenApi.SinNulo(completa)) ?? completa;
            var objeto = contenedor.AsObject();
            if (objeto[nombre] is not (JsonObject or JsonArray))
                objeto[nombre] = DocumentoOpenApi.Tipos(p).Contains("array") ? new JsonArray() : CuerposEjemplo.DesdeEsquema(p);
            return (objeto[nombre]!, p);
        }

        var items = OpenApi.Resolver(esquema["items"]) ?? [];
        var lista = contenedor.AsArray();
        if (lista.Count == 0 || lista[0] is not JsonObject)
        {
            if (lista.Count > 0)
                lista.RemoveAt(0);
            lista.Insert(0, CuerposEjemplo.DesdeEsquema(items));
        }

        return (lista[0]!, items);
    }

    private static IEnumerable<(string Nombre, string Valor)> ValoresInvalidosConsulta(JsonObject esquema)
    {
        var tipos = DocumentoOpenApi.Tipos(esquema);
        if (tipos.Contains("integer") || tipos.Contains("number"))
            yield return ("no es número", "abc");
        else if (tipos.Contains("boolean"))
            yield return ("no es sí o no", "quizas");
        else if (esquema["enum"] is JsonArray { Count: > 0 })
            yield return ("fuera de la lista", "valor-fuera-de-la-lista");
        else if ((string?)esquema["format"] is "date")
            yield return ("fecha imposible", "2026-02-30");
        else if ((string?)esquema["format"] is "date-time")
            yield return ("fecha y hora imposible", "2026-02-30T10:00:00Z");
        else if ((string?)esquema["format"] is "uuid")
            yield return ("no es uuid", "no-es-un-uuid");
    }

    private static string Resumen(JsonNode cuerpo)
    {
        var json = cuerpo.ToJsonString();
        return json.Length <= 300 ? json : json[..300] + "…";
    }
}
