using Cobranzas.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cobranzas.Platform.Tests.Host;

/// <summary>Every answer, API or SPA, carries the browser protections; the SPA's build has no inline script to allow.</summary>
public sealed class EncabezadosSeguridadTests : PruebaApi
{
    private string _spa = "";
    private WebApplicationFactory<Program> _conSpa = null!;

    [OneTimeSetUp]
    public void CrearSpa()
    {
        _spa = Directory.CreateTempSubdirectory("cobranzas-spa-").FullName;
        Directory.CreateDirectory(Path.Combine(_spa, "assets"));
        File.WriteAllText(Path.Combine(_spa, "index.html"), """<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>""");
        File.WriteAllText(Path.Combine(_spa, "assets", "app.js"), "console.log('cobranzas');");
        _conSpa = Fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Spa:Directorio", _spa));
    }

    [OneTimeTearDown]
    public async Task BorrarSpaAsync()
    {
        await _conSpa.DisposeAsync();
        Directory.Delete(_spa, recursive: true);
    }

    [Test]
    public async Task Una_ruta_de_la_api_lleva_los_encabezados_de_seguridad()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var api = await Fixture.ClienteHttpAsync(empresa);

        var respuesta = await api.GetAsync("/api/v1/clientes");

        await respuesta.JsonAsync();
        VerificarEncabezados(respuesta);
        VerificarEncabezados(await Fixture.ClienteAnonimo().GetAsync("/api/v1/clientes"));
    }

    [TestCase("/")]
    [TestCase("/clientes/123")]
    [TestCase("/assets/app.js")]
    public async Task El_spa_y_sus_archivos_llevan_los_encabezados_de_seguridad(string ruta)
    {
        var respuesta = await _conSpa.CreateClient().GetAsync(ruta);

        await respuesta.TextoAsync(200);
        VerificarEncabezados(respuesta);
    }

    [Test]
    public async Task Swagger_tiene_su_propia_politica_sin_scripts_en_linea_y_sin_marcos()
    {
        var respuesta = await Fixture.ClienteAnonimo().GetAsync("/swagger/index.html");

        var html = await respuesta.TextoAsync(200);
        var politica = Encabezado(respuesta, "Content-Security-Policy");
        Assert.That(politica, Does.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'"));
        Assert.That(Directiva(politica, "script-src"), Does.Not.Contain("unsafe"));
        Assert.That(html, Does.Not.Match(@"<script(?![^>]*\bsrc=)[^>]*>"), "Swagger UI no debería traer scripts en línea");
        Assert.That(Encabezado(respuesta, "X-Frame-Options"), Is.EqualTo("DENY"));
    }

    private static void VerificarEncabezados(HttpResponseMessage respuesta)
    {
        var politica = Encabezado(respuesta, "Content-Security-Policy");
        Assert.Multiple(() =>
        {
            Assert.That(Directiva(politica, "default-src"), Is.EqualTo("default-src 'self'"));
            Assert.That(Directiva(politica, "script-src"), Is.EqualTo("script-src 'self'"));
            Assert.That(Directiva(politica, "object-src"), Is.EqualTo("object-src 'none'"));
            Assert.That(Directiva(politica, "frame-ancestors"), Is.EqualTo("frame-ancestors 'none'"));
            Assert.That(Directiva(politica, "base-uri"), Is.EqualTo("base-uri 'self'"));
            Assert.That(Encabezado(respuesta, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Encabezado(respuesta, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Encabezado(respuesta, "Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin"));
        });
    }

    private static string Encabezado(HttpResponseMessage respuesta, string nombre) =>
        respuesta.Headers.TryGetValues(nombre, out var valores) || respuesta.Content.Headers.TryGetValues(nombre, out valores)
            ? string.Join(", ", valores)
            : "";

    private static string Directiva(string politica, string nombre) =>
        politica.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(nombre + " ", StringComparison.Ordinal)) ?? "";
}
