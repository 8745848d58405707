using System.Text.Json.Nodes;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// Every write operation with a JSON body rejects bad input with a problem that names a field,
/// and changes nothing. Ids in paths are the caller's own, so 404 is never the right answer.
/// </summary>
public sealed class EntradaInvalidaTests : PruebaSobreDatosSembrados
{
    private RecursosEmpresa _empresa = null!;

    /// <summary>Writes whose JSON body is an object, or an array of objects.</summary>
    private static IEnumerable<Operacion> EscriturasJson =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o =>
            o.Metodo is "POST" or "PUT" or "PATCH" && o.TieneCuerpoJson && CuerposEjemplo.EsquemaElemento(o)["properties"] is JsonObject { Count: > 0 });

    public static IEnumerable<TestCaseData> ConObligatorios() => EscriturasJson.Where(o => CuerposEjemplo.TieneObligatoriosNoNulos(CuerposEjemplo.EsquemaElemento(o))).Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> ConPropiedades() => EscriturasJson.Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> ConTextos() => EscriturasJson.Where(o => CuerposEjemplo.TieneTextos(CuerposEjemplo.EsquemaElemento(o))).Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> ConTextosLibres() => EscriturasJson.Where(o => CuerposEjemplo.TieneTextosLibres(CuerposEjemplo.EsquemaElemento(o))).Select(DocumentoOpenApi.Caso);

    /// <summary>Operations with a free-text query parameter (buscar, q…).</summary>
    public static IEnumerable<TestCaseData> ConConsultaDeTexto() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => ParametrosDeTexto(o).Any()).Select(DocumentoOpenApi.Caso);

    private static IEnumerable<Parametro> ParametrosDeTexto(Operacion op) =>
        op.Parametros.Where(p => p.Ubicacion == "query" && DocumentoOpenApi.Tipos(p.Esquema).SetEquals(["string"]) && p.Esquema?["format"] is null && p.Esquema?["enum"] is null);

    public static IEnumerable<TestCaseData> ConCamposAjenos() => EscriturasJson.Where(o => CuerposEjemplo.CamposAjenos(CuerposEjemplo.EsquemaElemento(o)).Any()).Select(DocumentoOpenApi.Caso);

    public static Cobertura Cobertura =>
        Cobertura.De(
            nameof(EntradaInvalidaTests),
            new Dictionary<string, Func<IEnumerable<TestCaseData>>>
            {
                [nameof(ConObligatorios)] = ConObligatorios,
                [nameof(ConPropiedades)] = ConPropiedades,
                [nameof(ConTextos)] = ConTextos,
                [nameof(ConCamposAjenos)] = ConCamposAjenos,
                [nameof(ConTextosLibres)] = ConTextosLibres,
                [nameof(ConConsultaDeTexto)] = ConConsultaDeTexto,
            },
            new Exclusion("lectura sin textos libres en la consulta: sólo ids, fechas, números y opciones", o => o.Metodo == "GET" && !ParametrosDeTexto(o).Any()),
            new Exclusion("escritura sin cuerpo: sólo ids en la ruta, que prueban aislamiento y permisos", o => o.Metodo != "GET" && o.TipoCuerpo is null),
            new Exclusion("archivo (multipart): sus errores por fila los prueban las pruebas de importación", o => o.TipoCuerpo == "multipart/form-data"));

    protected override async Task SembrarAsync() => _empresa = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Validaciones Ltda"));

    protected override void VolverAlSembradoEnMemoria() => _empresa.VolverAlSembrado();

    [TestCaseSource(nameof(ConObligatorios))]
    public Task Cuerpo_vacio_se_rechaza_nombrando_los_campos_obligatorios(Operacion op) =>
        RechazadaSinCambiosAsync(op, (_, _) => new JsonObject());

    [TestCaseSource(nameof(ConPropiedades))]
    public Task Tipos_incorrectos_se_rechazan(Operacion op) =>
        RechazadaSinCambiosAsync(op, CuerposEjemplo.TiposIncorrectos);

    [TestCaseSource(nameof(ConTextos))]
    public Task Textos_de_5000_caracteres_se_rechazan(Operacion op) =>
        RechazadaSinCambiosAsync(op, CuerposEjemplo.TextosLargos);

    [TestCaseSource(nameof(ConCamposAjenos))]
    public Task Campos_del_servidor_o_desconocidos_se_rechazan(Operacion op) =>
        RechazadaSinCambiosAsync(op, CuerposEjemplo.ConCamposDelServidor);

    [TestCaseSource(nameof(ConTextosLibres))]
    public Task Textos_con_el_caracter_nulo_se_rechazan(Operacion op) =>
        RechazadaSinCambiosAsync(op, CuerposEjemplo.TextosConNulo);

    [TestCaseSource(nameof(ConConsultaDeTexto))]
    public async Task Parametros_de_consulta_con_el_caracter_nulo_se_rechazan_nombrando_el_parametro(Operacion op)
    {
        var url = await _empresa.UrlAsync(op);
        foreach (var parametro in ParametrosDeTexto(op))
        {
            var conNulo = url + (url.Contains('?') ? '&' : '?') + $"{parametro.Nombre}=con%00nulo";

            var respuesta = await _empresa.Llamador(op).GetAsync(conNulo);
            var texto = await respuesta.Content.ReadAsStringAsync();

            Assert.That((int)respuesta.StatusCode, Is.EqualTo(400), $"GET {conNulo} → {texto}");
            Assert.That(JsonNode.Parse(texto)!.AsObject().CamposConError(), Does.Contain(parametro.Nombre), $"GET {conNulo} → {texto}");
        }
    }

    /// <summary>Breaks a valid body (each element, when the body is an array) and checks it is rejected without changes.</summary>
    private Task RechazadaSinCambiosAsync(Operacion op, Func<JsonObject, JsonObject, JsonObject> romper) =>
        RechazadaSinCambiosAsync(op, CuerposEjemplo.Envolver(op, romper(CuerposEjemplo.ElementoValido(op, _empresa), CuerposEjemplo.EsquemaElemento(op))));

    private async Task RechazadaSinCambiosAsync(Operacion op, JsonNode cuerpo)
    {
        var url = await _empresa.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        var respuesta = await _empresa.Llamador(op).SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Json(cuerpo) });
        var texto = await respuesta.Content.ReadAsStringAsync();

        var contexto = $"{op.Metodo} {url} con {Resumen(cuerpo)} → {(int)respuesta.StatusCode} {texto}";
        Assert.That((int)respuesta.StatusCode, Is.AnyOf(400, 422), contexto);
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), contexto);
        var campos = JsonNode.Parse(texto)!.AsObject().CamposConError();
        Assert.That(campos.Where(c => c is not ("" or "$")), Is.Not.Empty, $"errors no nombra ningún campo: {contexto}");
        Assert.That(texto, Does.Not.Match(@"Cobranzas\.|System\.|Validator\b"), $"la respuesta nombra un tipo de .NET: {contexto}");
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes), $"La solicitud rechazada cambió datos: {contexto}");
    }

    private static string Resumen(JsonNode cuerpo)
    {
        var json = cuerpo.ToJsonString();
        return json.Length <= 300 ? json : json[..300] + "…";
    }
}
