using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// Company B, through a user and through an API key, calls every operation of the OpenAPI
/// document with company A's ids: it must never reach A's data.
/// </summary>
public sealed class AislamientoEntreEmpresasTests : PruebaSobreDatosSembrados
{
    private RecursosEmpresa _a = null!;
    private RecursosEmpresa _b = null!;
    private (string Quien, HttpClient Cliente)[] _llamadoresB = [];

    public static IEnumerable<TestCaseData> OperacionesConIds() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.ParametrosRuta.Any() && !o.Anonima).Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> Listados() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Metodo == "GET" && !o.ParametrosRuta.Any() && !o.Anonima).Select(DocumentoOpenApi.Caso);

    protected override async Task SembrarAsync()
    {
        _a = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Alfa Reservada"));
        var empresaB = await Fixture.CrearEmpresaAsync("Beta Curiosa");
        _b = await RecursosEmpresa.CrearAsync(empresaB);
        _llamadoresB = [("usuario administrador de B", _b.Admin), ("API key de lectura y escritura de B", await Fixture.ClienteConApiKeyAsync(empresaB, "lectura_escritura"))];
    }

    [TestCaseSource(nameof(OperacionesConIds))]
    public async Task Otra_empresa_recibe_404_o_403_con_los_ids_de_esta(Operacion op)
    {
        var url = await _a.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        foreach (var (quien, cliente) in _llamadoresB)
        {
            using var solicitud = new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Contenido(op, _b) };
            var respuesta = await cliente.SendAsync(solicitud);
            var texto = await respuesta.Content.ReadAsStringAsync();

            Assert.That((int)respuesta.StatusCode, Is.AnyOf(403, 404), $"{quien}: {op.Metodo} {url} → {texto}");
            foreach (var dato in _a.Datos)
                Assert.That(texto, Does.Not.Contain(dato), $"{quien}: {op.Metodo} {url} mostró datos de la empresa A");
        }

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes), "Una llamada de la empresa B cambió datos.");
    }

    [TestCaseSource(nameof(Listados))]
    public async Task Listados_de_otra_empresa_no_muestran_nada_de_esta(Operacion op)
    {
        var url = op.Ruta + CuerposEjemplo.ConsultaObligatoria(op);
        foreach (var (quien, cliente) in _llamadoresB)
        {
            var respuesta = await cliente.GetAsync(url);
            var texto = await respuesta.Content.ReadAsStringAsync();

            Assert.That((int)respuesta.StatusCode, Is.LessThan(500), $"{quien}: GET {url} → {texto}");
            foreach (var dato in _a.Datos.Concat(_a.Ids))
                Assert.That(texto, Does.Not.Contain(dato), $"{quien}: GET {url} mostró datos de la empresa A");
        }

        var delAdministrador = await _b.Admin.GetAsync(url);
        Assert.That((int)delAdministrador.StatusCode, Is.EqualTo(200), $"GET {url} debería responder al administrador de B: {await delAdministrador.Content.ReadAsStringAsync()}");
    }

    [Test]
    public async Task La_empresa_duena_si_alcanza_sus_recursos()
    {
        foreach (var op in DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Metodo == "GET" && o.ParametrosRuta.Any() && !o.Anonima))
        {
            var url = await _a.UrlAsync(op);
            var respuesta = await _a.Admin.GetAsync(url);
            Assert.That((int)respuesta.StatusCode, Is.EqualTo(200), $"GET {url}: {await respuesta.Content.ReadAsStringAsync()}");
        }
    }
}
