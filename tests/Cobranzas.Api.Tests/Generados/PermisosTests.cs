using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>Read-only callers never write; only administrators administer.</summary>
public sealed class PermisosTests : PruebaSobreDatosSembrados
{
    private RecursosEmpresa _empresa = null!;
    private HttpClient _consulta = null!;
    private HttpClient _claveLectura = null!;
    private HttpClient _supervisor = null!;
    private HttpClient _cobrador = null!;

    public static IEnumerable<TestCaseData> Escrituras() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.EsEscritura && !o.EsAutenticacion && !o.Anonima && !o.EsPortal).Select(DocumentoOpenApi.Caso);

    /// <summary>Derived from each endpoint's own authorization metadata (<c>x-permisos</c> in the document).</summary>
    public static IEnumerable<TestCaseData> DeAdministracion() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Requiere(Permisos.Administrar)).Select(DocumentoOpenApi.Caso);

    /// <summary>Running the team is for supervisors and administrators.</summary>
    public static IEnumerable<TestCaseData> DeSupervision() =>
        DocumentoOpenApi.DelRepositorio.Operaciones.Where(o => o.Requiere(Permisos.Supervisar)).Select(DocumentoOpenApi.Caso);

    public static Cobertura Cobertura =>
        Cobertura.De(
            nameof(PermisosTests),
            new Dictionary<string, Func<IEnumerable<TestCaseData>>> { [nameof(Escrituras)] = Escrituras, [nameof(DeAdministracion)] = DeAdministracion, [nameof(DeSupervision)] = DeSupervision },
            new Exclusion("lectura que no administra ni supervisa: todos los roles y las API keys leen", o => (o.Metodo == "GET" || o.EsLecturaPorPost) && !o.Requiere(Permisos.Administrar) && !o.Requiere(Permisos.Supervisar)),
            new Exclusion("la propia sesión (iniciar, cambiar de empresa, cerrar, activar) no depende del rol", o => o.EsAutenticacion && o.Metodo != "GET"),
            new Exclusion("escritura del portal de clientes: la autoriza la sesión del portal, no un rol (PortalSesionTests)", o => o.EsPortal && o.EsEscritura),
            new Exclusion("anónima por token firmado de un correo (anulación con un clic): la autoriza el token, no un rol", o => o.Anonima && !o.EsAutenticacion && o.Metodo != "GET"));

    protected override async Task SembrarAsync()
    {
        _empresa = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Permisos SpA"));
        _consulta = await Fixture.ClienteHttpAsync(_empresa.Empresa, "Consulta");
        _claveLectura = await Fixture.ClienteConApiKeyAsync(_empresa.Empresa, "lectura");
        _supervisor = await Fixture.ClienteHttpAsync(_empresa.Empresa, "Supervisor");
        _cobrador = await Fixture.ClienteHttpAsync(_empresa.Empresa, "Cobrador");
    }

    protected override void VolverAlSembradoEnMemoria() => _empresa.VolverAlSembrado();

    [TestCaseSource(nameof(Escrituras))]
    public Task Consulta_y_api_key_de_lectura_no_pueden_escribir(Operacion op) =>
        ProhibidaAsync(op, ("usuario Consulta", _consulta), ("API key de lectura", _claveLectura));

    [TestCaseSource(nameof(DeAdministracion))]
    public Task Solo_el_administrador_administra_usuarios_claves_y_auditoria(Operacion op) =>
        ProhibidaAsync(op, ("Supervisor", _supervisor), ("Cobrador", _cobrador), ("Consulta", _consulta));

    [TestCaseSource(nameof(DeSupervision))]
    public Task Cobrador_y_consulta_no_supervisan(Operacion op) =>
        ProhibidaAsync(op, ("Cobrador", _cobrador), ("Consulta", _consulta));

    [Test]
    public void Toda_escritura_exige_editar_o_administrar()
    {
        var sinPermiso = DocumentoOpenApi.DelRepositorio.Operaciones
            .Where(o => o.EsEscritura && !o.EsAutenticacion && !o.Anonima && !o.EsPortal && !o.EsAgencia && !o.Requiere(Permisos.Editar) && !o.Requiere(Permisos.Administrar))
            .Select(o => o.ToString());

        Assert.That(sinPermiso, Is.Empty);
    }

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
