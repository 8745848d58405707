using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.Autenticacion;

public sealed class InicioSesionTests : PruebaApi
{
    private static Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    [Test]
    public async Task Login_correcto_entrega_token_empresa_rol_y_permisos()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Sur");

        var sesion = await (await LoginAsync(empresa.EmailAdmin, empresa.Password)).JsonAsync();

        Assert.That((string?)sesion["token"], Is.Not.Empty);
        Assert.That((string?)sesion["empresa"]!["id"], Is.EqualTo(empresa.Id.ToString()));
        Assert.That((string?)sesion["empresa"]!["rut"], Is.EqualTo(empresa.Rut));
        Assert.That((string?)sesion["rol"], Is.EqualTo("Administrador"));
        Assert.That(sesion["permisos"]!.AsArray().Select(p => (string?)p), Does.Contain("administrar"));
        Assert.That((string?)sesion["usuario"]!["email"], Is.EqualTo(empresa.EmailAdmin));
    }

    [Test]
    public async Task Token_del_login_da_acceso_a_la_sesion_actual()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Sur");
        var api = await Fixture.ClienteHttpAsync(empresa);

        var actual = await (await api.GetAsync("/api/v1/auth/sesion")).JsonAsync();

        Assert.That((string?)actual["empresa"]!["id"], Is.EqualTo(empresa.Id.ToString()));
        Assert.That((string?)actual["actor"], Is.EqualTo(empresa.EmailAdmin));
    }

    [Test]
    public async Task Contrasena_incorrecta_responde_401_con_problem_details()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Sur");

        var problema = await (await LoginAsync(empresa.EmailAdmin, "Otra-Clave-999")).ProblemaAsync(401);

        Assert.That((string?)problema["detail"], Does.Contain("incorrectos"));
    }

    [Test]
    public async Task Email_desconocido_responde_el_mismo_401_que_una_contrasena_incorrecta()
    {
        await Fixture.CrearEmpresaAsync("Distribuidora Sur");

        var problema = await (await LoginAsync("nadie@distribuidorasur.test", "Otra-Clave-999")).ProblemaAsync(401);

        Assert.That((string?)problema["detail"], Is.EqualTo("E-mail o contraseña incorrectos."));
    }

    [Test]
    public async Task Login_sin_email_ni_contrasena_responde_400_nombrando_los_campos()
    {
        var problema = await (await LoginAsync("", "")).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.SupersetOf(new[] { "email", "password" }));
    }

    [Test]
    public async Task Cinco_intentos_fallidos_bloquean_la_cuenta_aunque_luego_use_la_contrasena_correcta()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Sur");
        for (var i = 0; i < 4; i++)
            await (await LoginAsync(empresa.EmailAdmin, "Mala-Clave-1")).ProblemaAsync(401);
        await (await LoginAsync(empresa.EmailAdmin, empresa.Password)).JsonAsync(200);

        for (var i = 0; i < 5; i++)
            await (await LoginAsync(empresa.EmailAdmin, "Mala-Clave-1")).ProblemaAsync(401);
        var problema = await (await LoginAsync(empresa.EmailAdmin, empresa.Password)).ProblemaAsync(401);

        Assert.That((string?)problema["detail"], Does.Contain("bloqueada"));
    }
}
