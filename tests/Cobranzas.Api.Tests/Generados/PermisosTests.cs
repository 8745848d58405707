using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>Read-only callers never write; only administrators administer.</summary>
public sealed class PermisosTests : PruebaSobreDatosSembrados
{
    private static readonly string[] RutasDeAdministracion = ["/api/v1/usuarios", "/api/v1/api-keys", "/api/v1/auditoria"];

    private RecursosEmpresa _empresa = null!;
    private HttpClient _consulta = null!;
    private HttpClient _claveLectura = null!;
    private HttpClient _supervisor = null!;
    private HttpClient _cobrador = null!;

    public static IEnumerable<TestCaseData> Escrituras() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.EsEscritura && !o.EsAutenticacion).Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> DeAdministracion() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => RutasDeAdministracion.Any(r => o.Ruta == r || o.Ruta.StartsWith(r + "/", StringComparison.Ordinal)))
            .Select(DocumentoOpenApi.Caso);

    protected override async Task SembrarAsync()
    {
        _empresa = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Permisos SpA"));
        _consulta = await Fixture.ClienteHttpAsync(_empresa.Empresa, "Consulta");
        _claveLectura = await Fixture.ClienteConApiKeyAsync(_empresa.Empresa, "lectura");
        _supervisor = await Fixture.ClienteHttpAsync(_empresa.Empresa, "Supervisor");
        _cobrador = await Fixture.ClienteHttpAsync(_empresa.Empresa, "Cobrador");
    }

    [TestCaseSource(nameof(Escrituras))]
    public Task Consulta_y_api_key_de_lectura_no_pueden_escribir(Operacion op) =>
        ProhibidaAsync(op, ("usuario Consulta", _consulta), ("API key de lectura", _claveLectura));

    [TestCaseSource(nameof(DeAdministracion))]
    public Task Solo_el_administrador_administra_usuarios_claves_y_auditoria(Operacion op) =>
        ProhibidaAsync(op, ("Supervisor", _supervisor), ("Cobrador", _cobrador), ("Consulta", _consulta));

    private async Task ProhibidaAsync(Operacion op, params (string Quien, HttpClient Cliente)[] llamadores)
    {
        var url = await _empresa.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        foreach (var (quien, cliente) in llamadores)
        {
            using var solicitud = new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Contenido(op, _empresa) };
            var respuesta = await cliente.SendAsync(solicitud);
            Assert.That((int)respuesta.StatusCode, Is.EqualTo(403), $"{quien}: {op.Metodo} {url} → {await respuesta.Content.ReadAsStringAsync()}");
        }

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }
}
