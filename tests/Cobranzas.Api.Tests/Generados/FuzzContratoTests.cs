using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;
using CsCheck;
using Json.Schema;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// Random requests to every operation of the document, as the company administrator (the portal's as a portal session of one
/// of its clients): bodies, query parameters and path ids
/// built from the schemas, valid-ish or broken. No answer is a 5xx, every status is one the operation documents, every
/// JSON body matches its documented schema, and the app still answers /health afterwards.
/// Size and seed: COBRANZAS_FUZZ_SOLICITUDES (10 000 by default) and COBRANZAS_FUZZ_SEMILLA (printed on each run).
/// </summary>
public sealed class FuzzContratoTests
{
    public const int SolicitudesPorDefecto = 10_000;

    private static readonly Exclusion[] Excluidas =
    [
        new("inicio, cambio y cierre de sesión: cambiarían la sesión con la que el fuzzer llama (el login lo prueban sus propias pruebas)",
            o => o.Id is "IniciarSesion" or "CambiarEmpresa" or "CerrarSesion"),
        new("archivos (multipart): sus errores por fila los prueban las pruebas de importación", o => o.TipoCuerpo == "multipart/form-data"),
        new("el PDF lanza Chromium en cada llamada (segundos); valida lo mismo que el estado de cuenta JSON y su contenido lo prueba EstadoCuentaArchivosTests",
            o => o.Id == "ObtenerEstadoCuentaPdf"),
        new("cierre de la sesión del portal: cerraría la sesión con la que el fuzzer llama a las demás operaciones del portal",
            o => o.Id == "CerrarSesionPortal"),
        new("el PDF del portal lanza Chromium en cada llamada; valida lo mismo que su estado de cuenta JSON y su contenido lo prueba Cobranzas.Portal.Tests",
            o => o.Id == "ObtenerEstadoCuentaPortalPdf"),
        new("clave de una agencia de cobranza: el fuzzer llama como el personal (403); su entrada inválida la prueban EntradaInvalidaTests y EntradaPorCampoTests con la clave de la agencia y su alcance AgenciasTests",
            o => o.EsAgencia),
    ];

    private static IEnumerable<Operacion> Operaciones => DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => !Excluidas.Any(e => e.Cuales(o)));

    public static IEnumerable<TestCaseData> Operadas() => Operaciones.Select(DocumentoOpenApi.Caso);

    public static Cobertura Cobertura =>
        Cobertura.De(nameof(FuzzContratoTests), new Dictionary<string, Func<IEnumerable<TestCaseData>>> { [nameof(Operadas)] = Operadas }, Excluidas);

    private sealed record Solicitud(Operacion Op, string Url, string? Cuerpo);

    private sealed record Hallazgo(string Tipo, Operacion Op, int Estado, string Detalle, Solicitud Solicitud);

    [Test]
    public async Task Solicitudes_al_azar_nunca_dan_5xx_y_siempre_responden_lo_documentado()
    {
        var cantidad = int.TryParse(Environment.GetEnvironmentVariable("COBRANZAS_FUZZ_SOLICITUDES"), out var c) ? c : SolicitudesPorDefecto;
        var semilla = ulong.TryParse(Environment.GetEnvironmentVariable("COBRANZAS_FUZZ_SEMILLA"), out var s) ? s : (ulong)Random.Shared.NextInt64();
        TestContext.Progress.WriteLine($"Fuzz: {cantidad} solicitudes, COBRANZAS_FUZZ_SEMILLA={semilla}");

        await Fixture.ReiniciarBaseAsync();
        var empresa = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Fuzz Ltda"));
        // The portal's operations run with the session of another client's contact: the staff's random requests deactivate, edit
        // or delete the reserved client's contact, which closes its portal session (401) as it should. The reserved client's ids
        // in the portal's paths and bodies are then another client's: 404/422, and the fuzzer still checks every answer.
        var portal = await SesionPortalPropiaAsync(empresa);
        var operaciones = Operaciones.ToList();
        var generadores = new Dictionary<Operacion, Gen<Solicitud>>();
        foreach (var op in operaciones)
            generadores[op] = await GeneradorAsync(op, empresa);
        var solicitud = Gen.OneOf<Solicitud>(operaciones.Select(o => (IGen<Solicitud>)generadores[o]).ToArray());

        var pcg = new PCG(0, semilla);
        var solicitudes = Enumerable.Range(0, cantidad).Select(_ => solicitud.Generate(pcg, null, out Size _)).ToList();

        var hallazgos = new ConcurrentBag<Hallazgo>();
        var estados = new ConcurrentDictionary<int, int>();
        var reloj = Stopwatch.StartNew();
        await Parallel.ForEachAsync(solicitudes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (sol, ct) =>
        {
            (int estado, Hallazgo? hallazgo) = await EnviarAsync(sol.Op.EsPortal ? portal : empresa.Admin, sol, ct);
            estados.AddOrUpdate(estado, 1, (_, n) => n + 1);
            if (hallazgo is not null)
                hallazgos.Add(hallazgo);
        });
        TestContext.Progress.WriteLine($"Fuzz: {cantidad} solicitudes en {reloj.Elapsed.TotalSeconds:F0} s; estados " +
            string.Join(", ", estados.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")));

        var salud = await empresa.Admin.GetAsync("/health");
        Assert.That((int)salud.StatusCode, Is.EqualTo(200), "la aplicación sigue respondiendo /health");
        var resumen = hallazgos.GroupBy(h => (h.Tipo, h.Op.Id, h.Estado))
            .Select(g => $"{g.Count()} × {g.Key.Tipo} {g.Key.Estado} en {g.First().Op}: {g.First().Detalle}\n    {g.First().Solicitud.Op.Metodo} {g.First().Solicitud.Url} {Resumen(g.First().Solicitud.Cuerpo)}");
        Assert.That(hallazgos, Is.Empty, $"COBRANZAS_FUZZ_SEMILLA={semilla}\n" + string.Join("\n", resumen));
    }

    /// <summary>A portal session of a client of its own (with an overdue document), that no staff request of the fuzzer names.</summary>
    private static async Task<HttpClient> SesionPortalPropiaAsync(RecursosEmpresa empresa)
    {
        var cliente = await empresa.Admin.CrearClienteAsync();
        var email = Fixture.EmailUnico("portal.fuzz", "cliente.test");
        var contacto = await empresa.Admin.CrearContactoAsync(cliente.Id(), Testing.Datos.Contacto("Contacto del fuzzer", email));
        await (await empresa.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(cliente.Id(), 950_000 + Fixture.Siguiente(),
            Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).AddDays(-40)))).JsonAsync(201);
        return await RecursosEmpresa.SesionPortalAsync(empresa.Empresa, cliente.Id(), contacto.Id(), email);
    }

    /// <summary>Requests for one operation: own or foreign ids in the path, query parameters from their schemas, a body from its schema.</summary>
    private static async Task<Gen<Solicitud>> GeneradorAsync(Operacion op, RecursosEmpresa empresa)
    {
        var urlValida = await UrlValidaAsync(op, empresa);
        var ruta = urlValida.Split('?')[0];
        var segmentos = ruta.Split('/');
        var plantilla = op.Ruta.Split('/');
        // Path ids: the company's own (as seeded), another random one, or something that is no id at all.
        var rutas = Gen.Frequency<string>(
            (6, Gen.Const(ruta)),
            (1, Gen.Guid.Select(g => string.Join('/', segmentos.Select((seg, i) => plantilla[i].StartsWith('{') ? g.ToString() : seg)))),
            (1, Gen.OneOf("abc", "%00", "0", "00000000-0000-0000-0000-000000000000", new string('9', 300)).Select(x =>
                string.Join('/', segmentos.Select((seg, i) => plantilla[i].StartsWith('{') ? Uri.EscapeDataString(x) : seg)))));
        var consultas = op.Parametros.Where(p => p.Ubicacion == "query").Select(p =>
            Gen.Frequency<string?>(
                (2, Gen.Const((string?)null)),
                (1, GeneradoresEsquema.Valor(p.Esquema ?? []).Select(v => (string?)$"{p.Nombre}={Uri.EscapeDataString(TextoConsulta(v))}")))).ToArray();
        var consulta = consultas.Aggregate(Gen.Const(""), (acumulado, g) => acumulado.Select(g, (a, x) => x is null ? a : a + (a.Length == 0 ? "?" : "&") + x));
        var obligatoria = urlValida.Contains('?') ? urlValida[urlValida.IndexOf('?')..] : "";
        var consultaFinal = Gen.Frequency<string>((3, consulta), (1, Gen.Const(obligatoria)));

        if (!op.TieneCuerpoJson)
            return Gen.Select(rutas, consultaFinal, (r, q) => new Solicitud(op, r + q, null));
        var cuerpo = GeneradoresEsquema.Cuerpo(op, CuerposEjemplo.ElementoValido(op, empresa))
            .Select(c => c?.ToJsonString() ?? "null");
        var crudo = Gen.OneOf("", "{", "{\"a\":", "[1,2", "nul", "\"texto\"", "{\"x\":1e400}", "\u0000", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
        return Gen.Select(rutas, consultaFinal, Gen.Frequency<string>((12, cuerpo), (1, crudo)), (r, q, b) => new Solicitud(op, r + q, b));
    }

    /// <summary>The URL with the company's ids; a token nobody seeded (an invitation's) gets one that does not exist.</summary>
    private static async Task<string> UrlValidaAsync(Operacion op, RecursosEmpresa empresa)
    {
        try
        {
            return await empresa.UrlAsync(op);
        }
        catch (InvalidOperationException)
        {
            return op.RutaCon("token-inexistente") + CuerposEjemplo.ConsultaObligatoria(op);
        }
    }

    private static string TextoConsulta(JsonNode? valor) => valor switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var texto) => texto,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => valor.ToJsonString(),
    };

    private static async Task<(int Estado, Hallazgo? Hallazgo)> EnviarAsync(HttpClient llamador, Solicitud sol, CancellationToken ct)
    {
        var mensaje = new HttpRequestMessage(new HttpMethod(sol.Op.Metodo), sol.Url);
        if (sol.Cuerpo is not null)
            mensaje.Content = new StringContent(sol.Cuerpo, Encoding.UTF8, "application/json");
        HttpResponseMessage respuesta;
        try
        {
            respuesta = await llamador.SendAsync(mensaje, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (599, new Hallazgo("excepción", sol.Op, 599, e.GetType().Name + ": " + e.Message, sol));
        }

        var estado = (int)respuesta.StatusCode;
        var texto = await respuesta.Content.ReadAsStringAsync(ct);
        if (estado >= 500)
            return (estado, new Hallazgo("5xx", sol.Op, estado, Resumen(texto), sol));
        var documentada = ContratoRespuestas.Respuesta(sol.Op, estado);
        if (documentada is null)
            return (estado, new Hallazgo("estado no documentado", sol.Op, estado, Resumen(texto), sol));
        var tipo = respuesta.Content.Headers.ContentType?.MediaType;
        if (tipo is "application/json" or "application/problem+json")
        {
            if (ContratoRespuestas.Esquema(sol.Op, estado, tipo) is not { } esquema)
                return (estado, new Hallazgo("tipo de contenido no documentado", sol.Op, estado, tipo, sol));
            using var json = JsonDocument.Parse(texto);
            var resultado = esquema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!resultado.IsValid)
            {
                var errores = (resultado.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(3);
                return (estado, new Hallazgo("cuerpo fuera del esquema", sol.Op, estado, string.Join(" | ", errores) + " ← " + Resumen(texto), sol));
            }
        }

        return (estado, null);
    }

    private static string Resumen(string? texto) => texto is null ? "" : texto.Length <= 400 ? texto : texto[..400] + "…";
}

/// <summary>The documented responses of each operation, and their JSON schemas compiled with JsonSchema.Net.</summary>
public static class ContratoRespuestas
{
    private static readonly ConcurrentDictionary<(string, int, string), Lazy<JsonSchema?>> Esquemas = new();

    private static readonly Lazy<string> Definiciones = new(() =>
        DocumentoOpenApi.DelRepositorio.Json["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));

    public static JsonObject? Respuesta(Operacion op, int estado) =>
        DocumentoOpenApi.DelRepositorio.Json["paths"]![op.Ruta]![op.Metodo.ToLowerInvariant()]!["responses"]?[estado.ToString(CultureInfo.InvariantCulture)] as JsonObject;

    public static JsonSchema? Esquema(Operacion op, int estado, string tipo) =>
        Esquemas.GetOrAdd((op.Id, estado, tipo), _ => new Lazy<JsonSchema?>(() =>
        {
            if (Respuesta(op, estado)?["content"]?[tipo]?["schema"] is not JsonObject esquema)
                return null;
            var raiz = JsonNode.Parse(esquema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
            raiz["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            raiz["$defs"] = JsonNode.Parse(Definiciones.Value);
            // A registry of its own per schema: the requests run in parallel, and schemas built at once into the shared global
            // registry lost one another's entry (a $ref that could not be resolved, once in thousands of runs).
            return JsonSchema.FromText(raiz.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                new Uri($"https://cobranzas.test/respuestas/{op.Id}/{estado}/{Uri.EscapeDataString(tipo)}/{Guid.NewGuid()}"));
        })).Value;
}
