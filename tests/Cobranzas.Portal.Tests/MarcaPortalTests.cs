using System.Net;
using System.Net.Http.Json;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;

namespace Cobranzas.Portal.Tests;

/// <summary>The company's colours on its portal: set by an administrator, refused when the portal's text would fail WCAG AA.</summary>
public sealed class MarcaPortalTests : PruebaPortal
{
    private const string Url = "/api/v1/configuracion/portal";

    [Test]
    public async Task Sin_colores_guardados_el_portal_usa_los_de_siempre()
    {
        var marca = await (await Api.GetAsync(Url)).JsonAsync();
        Assert.That((bool)marca["porDefecto"]!, Is.True);
        Assert.That((string?)marca["colorPrimario"], Is.EqualTo("#1c4e80"));

        var portal = await SesionAsync();
        var resumen = await (await portal.GetAsync("/api/v1/portal/resumen")).JsonAsync();
        Assert.That((string?)resumen["empresa"]!["colorPrimario"], Is.EqualTo("#1c4e80"));
        Assert.That((string?)resumen["empresa"]!["colorAcento"], Is.EqualTo("#e8f0f8"));
    }

    [Test]
    public async Task El_administrador_guarda_los_colores_y_el_portal_los_muestra()
    {
        var guardada = await (await Api.PutAsJsonAsync(Url, new { colorPrimario = "#7A1F3D", colorAcento = "#FFF8F0" })).JsonAsync();

        Assert.That((string?)guardada["colorPrimario"], Is.EqualTo("#7a1f3d"));
        Assert.That((bool)guardada["porDefecto"]!, Is.False);
        var portal = await SesionAsync();
        var resumen = await (await portal.GetAsync("/api/v1/portal/resumen")).JsonAsync();
        Assert.That((string?)resumen["empresa"]!["colorPrimario"], Is.EqualTo("#7a1f3d"));
        Assert.That((string?)resumen["empresa"]!["colorAcento"], Is.EqualTo("#fff8f0"));

        var otra = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var deOtra = await (await (await Fixture.ClienteHttpAsync(otra)).GetAsync(Url)).JsonAsync();
        Assert.That((string?)deOtra["colorPrimario"], Is.EqualTo("#1c4e80"), "Los colores son de cada empresa.");
    }

    [TestCase("#ffcc00", "#ffffff", "colorPrimario")]
    [TestCase("#1c4e80", "#5a6470", "colorAcento")]
    public async Task Un_color_sin_contraste_AA_se_rechaza_y_no_cambia_nada(string primario, string acento, string campo)
    {
        await (await Api.PutAsJsonAsync(Url, new { colorPrimario = "#123456", colorAcento = "#ffffff" })).JsonAsync();

        var problema = await (await Api.PutAsJsonAsync(Url, new { colorPrimario = primario, colorAcento = acento })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { campo }));
        Assert.That(problema["errors"]![campo]![0]!.ToString(), Does.Contain("4.5:1"));
        var marca = await (await Api.GetAsync(Url)).JsonAsync();
        Assert.That((string?)marca["colorPrimario"], Is.EqualTo("#123456"));
    }

    [TestCase("1c4e80")]
    [TestCase("#1c4e8")]
    [TestCase("#gggggg")]
    [TestCase("red")]
    [TestCase("#1c4e80\u0000")]
    public async Task Un_color_que_no_es_rrggbb_da_400(string color)
    {
        var problema = await (await Api.PutAsJsonAsync(Url, new { colorPrimario = color, colorAcento = "#ffffff" })).ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Does.Contain("colorPrimario"));
        Assert.That((bool)(await (await Api.GetAsync(Url)).JsonAsync())["porDefecto"]!, Is.True);
    }

    [Test]
    public async Task Solo_un_administrador_cambia_los_colores()
    {
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        await (await supervisor.GetAsync(Url)).JsonAsync();

        await (await supervisor.PutAsJsonAsync(Url, new { colorPrimario = "#123456", colorAcento = "#ffffff" })).EsperarAsync(HttpStatusCode.Forbidden);
        Assert.That((bool)(await (await Api.GetAsync(Url)).JsonAsync())["porDefecto"]!, Is.True);
    }
}
