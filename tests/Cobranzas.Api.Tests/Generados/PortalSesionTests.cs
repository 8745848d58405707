using System.Net.Http.Json;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Api.Tests.Generados;

/// <summary>
/// The client portal's session against every operation of the document: it opens none of the staff's, the staff's credentials
/// open none of the portal's, and a portal session of another client (same company or another) reaches nothing of this one.
/// </summary>
public sealed class PortalSesionTests : PruebaSobreDatosSembrados
{
    private RecursosEmpresa _a = null!;
    private RecursosEmpresa _b = null!;
    private HttpClient _otroCliente = null!;
    private HttpClient _apiKeyA = null!;

    private static DocumentoOpenApi OpenApi => DocumentoOpenApi.DelRepositorio;

    public static IEnumerable<TestCaseData> DelPersonal() => OpenApi.Operaciones.Where(o => !o.Anonima && !o.EsPortal).Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> DelPortal() => OpenApi.Operaciones.Where(o => o.EsPortal).Select(DocumentoOpenApi.Caso);

    public static IEnumerable<TestCaseData> DelPortalConIds() => OpenApi.Operaciones.Where(o => o.EsPortal && o.ParametrosRuta.Any()).Select(DocumentoOpenApi.Caso);

    /// <summary>The portal's reads without ids (the statement PDF is the JSON statement printed by Chromium: left to Cobranzas.Portal.Tests).</summary>
    public static IEnumerable<TestCaseData> LecturasDelPortal() =>
        OpenApi.Operaciones.Where(o => o.EsPortal && o.Metodo == "GET" && !o.ParametrosRuta.Any() && o.Id != "ObtenerEstadoCuentaPortalPdf").Select(DocumentoOpenApi.Caso);

    public static Cobertura Cobertura =>
        Cobertura.De(
            nameof(PortalSesionTests),
            new Dictionary<string, Func<IEnumerable<TestCaseData>>> { [nameof(DelPersonal)] = DelPersonal, [nameof(DelPortal)] = DelPortal },
            new Exclusion("anónima: responde sin credenciales, la sesión del portal no cambia nada", o => o.Anonima));

    protected override async Task SembrarAsync()
    {
        _a = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Alfa Portal"));
        _b = await RecursosEmpresa.CrearAsync(await Fixture.CrearEmpresaAsync("Beta Portal"));
        var otro = await _a.Admin.CrearClienteAsync();
        var email = Fixture.EmailUnico("otro.cliente", "cliente.test");
        var contacto = await _a.Admin.CrearContactoAsync(otro.Id(), Testing.Datos.Contacto("Otro Contacto", email));
        await (await _a.Admin.PostAsJsonAsync("/api/v1/documentos", CuerposEjemplo.DocumentoCartera(otro.Id(), 900_000 + Fixture.Siguiente(),
            Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(Fixture.Reloj).AddDays(-40)))).JsonAsync(201);
        _otroCliente = await RecursosEmpresa.SesionPortalAsync(_a.Empresa, otro.Id(), contacto.Id(), email);
        // Part of the seed: a key created by each case changed the data and made the next case reseed both companies.
        _apiKeyA = await Fixture.ClienteConApiKeyAsync(_a.Empresa, "lectura_escritura");
    }

    protected override void VolverAlSembradoEnMemoria()
    {
        _a.VolverAlSembrado();
        _b.VolverAlSembrado();
    }

    [TestCaseSource(nameof(DelPersonal))]
    public async Task Una_sesion_del_portal_no_abre_ninguna_operacion_del_personal(Operacion op)
    {
        var url = await _a.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        var respuesta = await _a.Portal.SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Contenido(op, _a) });

        Assert.That((int)respuesta.StatusCode, Is.EqualTo(401), $"{op.Metodo} {url} con sesión del portal → {await respuesta.Content.ReadAsStringAsync()}");
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [TestCaseSource(nameof(DelPortal))]
    public async Task Las_credenciales_del_personal_no_abren_el_portal(Operacion op)
    {
        var url = await _a.UrlAsync(op);
        var antes = await Fixture.ContarFilasAsync();

        foreach (var (quien, cliente) in new[] { ("administrador", _a.Admin), ("API key", _apiKeyA) })
        {
            var respuesta = await cliente.SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Contenido(op, _a) });
            Assert.That((int)respuesta.StatusCode, Is.EqualTo(401), $"{quien}: {op.Metodo} {url} → {await respuesta.Content.ReadAsStringAsync()}");
        }

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [TestCaseSource(nameof(DelPortalConIds))]
    public async Task Otro_cliente_u_otra_empresa_reciben_404_con_los_ids_de_este_cliente(Operacion op)
    {
        var url = await _a.UrlAsync(op);

        foreach (var (quien, cliente) in new[] { ("otro cliente de la misma empresa", _otroCliente), ("cliente de otra empresa", _b.Portal) })
        {
            var respuesta = await cliente.SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Contenido(op, _a) });
            Assert.That((int)respuesta.StatusCode, Is.EqualTo(404), $"{quien}: {op.Metodo} {url} → {await respuesta.Content.ReadAsStringAsync()}");
        }

        var propio = await _a.Portal.SendAsync(new HttpRequestMessage(new HttpMethod(op.Metodo), url) { Content = CuerposEjemplo.Contenido(op, _a) });
        Assert.That((int)propio.StatusCode, Is.InRange(200, 299), $"Control: el propio cliente {op.Metodo} {url} → {await propio.Content.ReadAsStringAsync()}");
    }

    [TestCaseSource(nameof(LecturasDelPortal))]
    public async Task Las_lecturas_del_portal_no_muestran_nada_de_otro_cliente_ni_de_otra_empresa(Operacion op)
    {
        foreach (var (quien, cliente, ajenos) in new[] { ("otro cliente de la misma empresa", _otroCliente, _a.DatosCliente), ("cliente de otra empresa", _b.Portal, _a.Datos.Concat(_a.Ids).ToList()) })
        {
            var respuesta = await cliente.GetAsync(op.Ruta);
            var texto = respuesta.Content.Headers.ContentType?.MediaType == "application/json" ? await respuesta.Content.ReadAsStringAsync() : "";
            Assert.That((int)respuesta.StatusCode, Is.EqualTo(200), $"{quien}: GET {op.Ruta} → {texto}");
            foreach (var dato in ajenos)
                Assert.That(texto, Does.Not.Contain(dato), $"{quien}: GET {op.Ruta} mostró «{dato}» del cliente reservado de la empresa A");
        }
    }
}
