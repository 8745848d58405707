using System.Net.Http.Json;
using System.Text;
using Cobranzas.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cobranzas.Platform.Tests.Host;

/// <summary>
/// The test host has generous limits (no test is throttled by accident); these run a host of their own with low ones.
/// The built-in limiter keeps its windows on the system clock, so each test stays inside one window of a minute.
/// </summary>
public sealed class LimitesUsoTests : PruebaApi
{
    [Test]
    public async Task Login_por_sobre_el_limite_por_ip_responde_429_con_retry_after()
    {
        await using var host = ConLimites(("Login:Permitidas", "2"));
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var otro = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var tercero = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var anonimo = host.CreateClient();

        await (await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = empresa.Password })).JsonAsync();
        await (await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = otro.Email, password = otro.Password })).JsonAsync();
        var rechazo = await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = tercero.Email, password = tercero.Password });

        await VerificarRechazoAsync(rechazo);
    }

    [Test]
    public async Task Login_por_sobre_el_limite_por_email_responde_429_y_otro_email_sigue_entrando()
    {
        await using var host = ConLimites(("LoginPorEmail:Permitidas", "2"));
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var otro = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var anonimo = host.CreateClient();
        await (await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = "equivocada" })).ProblemaAsync(401);
        await (await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = empresa.Password })).JsonAsync();

        var rechazo = await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = $"  {empresa.EmailAdmin.ToUpperInvariant()} ", password = empresa.Password });

        await VerificarRechazoAsync(rechazo);
        await (await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = otro.Email, password = otro.Password })).JsonAsync();
    }

    [Test]
    public async Task Informes_por_sobre_el_limite_responden_429_por_usuario_y_por_api_key()
    {
        await using var host = ConLimites(("Informes:Permitidas", "2"));
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var usuario = ConCredencialesDe(host, await Fixture.ClienteHttpAsync(empresa, "Consulta"));
        var erp = ConCredencialesDe(host, await Fixture.ClienteConApiKeyAsync(empresa, "lectura"));
        var cliente = await (await Fixture.ClienteHttpAsync(empresa)).CrearClienteAsync();

        await (await usuario.GetAsync("/api/v1/cartera/antiguedad")).JsonAsync();
        await (await usuario.GetAsync("/api/v1/clientes/exportar?formato=csv")).TextoAsync(200);

        await VerificarRechazoAsync(await usuario.GetAsync($"/api/v1/clientes/{cliente.Id()}/estado-cuenta.xlsx"));
        await VerificarRechazoAsync(await usuario.GetAsync("/api/v1/cartera/provision"));
        await (await usuario.GetAsync("/api/v1/clientes")).JsonAsync();
        await (await erp.GetAsync("/api/v1/cartera/provision")).JsonAsync();
        await (await erp.GetAsync($"/api/v1/clientes/{cliente.Id()}/estado-cuenta.xlsx")).TextoAsync(200);
        await VerificarRechazoAsync(await erp.GetAsync("/api/v1/cartera/antiguedad"));
    }

    [Test]
    public async Task Importaciones_por_sobre_el_limite_responden_429()
    {
        await using var host = ConLimites(("Importaciones:Permitidas", "1"));
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = ConCredencialesDe(host, await Fixture.ClienteHttpAsync(empresa));
        Assert.That((int)(await admin.PostAsync("/api/v1/importaciones/clientes", Csv())).StatusCode, Is.Not.EqualTo(429));

        var antes = await Fixture.ContarFilasAsync();
        await VerificarRechazoAsync(await admin.PostAsync("/api/v1/importaciones/documentos", Csv()));
        await VerificarRechazoAsync(await admin.PostAsync("/api/v1/importaciones/clientes", Csv()));

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    private static WebApplicationFactory<Program> ConLimites(params (string Clave, string Valor)[] limites) =>
        Fixture.Factory.WithWebHostBuilder(b =>
        {
            foreach (var (clave, valor) in limites)
                b.UseSetting($"LimitesUso:{clave}", valor);
        });

    private static HttpClient ConCredencialesDe(WebApplicationFactory<Program> host, HttpClient deLaPrueba)
    {
        var cliente = host.CreateClient();
        foreach (var encabezado in deLaPrueba.DefaultRequestHeaders)
            cliente.DefaultRequestHeaders.TryAddWithoutValidation(encabezado.Key, encabezado.Value);
        return cliente;
    }

    private static MultipartFormDataContent Csv() =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes("rut;razonSocial\n")), "archivo", "vacio.csv" } };

    private static async Task VerificarRechazoAsync(HttpResponseMessage respuesta)
    {
        var problema = await respuesta.ProblemaAsync(429);
        Assert.That((string?)problema["title"], Is.EqualTo("Demasiadas solicitudes"));
        Assert.That((string?)problema["detail"], Does.Contain("Reintente en"));
        Assert.That(respuesta.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60), "Retry-After en segundos");
    }
}
