using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.Usuarios;

public sealed class DesactivacionTests : PruebaApi
{
    [Test]
    public async Task Usuario_desactivado_pierde_su_token_y_no_puede_volver_a_entrar()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var cobrador = await Fixture.CrearUsuarioAsync(empresa, "Cobrador");
        var api = await Fixture.IniciarSesionAsync(cobrador.Email, cobrador.Password);
        await (await api.GetAsync("/api/v1/clientes")).JsonAsync(200);

        var desactivado = await (await admin.PostAsync($"/api/v1/usuarios/{cobrador.Id}/desactivar", null)).JsonAsync();

        Assert.That((bool?)desactivado["activo"], Is.False);
        await (await api.GetAsync("/api/v1/clientes")).TextoAsync(401);
        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = cobrador.Email, password = cobrador.Password })).ProblemaAsync(401);
    }

    [Test]
    public async Task Usuario_reactivado_vuelve_a_entrar()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var cobrador = await Fixture.CrearUsuarioAsync(empresa, "Cobrador");
        await (await admin.PostAsync($"/api/v1/usuarios/{cobrador.Id}/desactivar", null)).JsonAsync();

        await (await admin.PostAsync($"/api/v1/usuarios/{cobrador.Id}/reactivar", null)).JsonAsync();

        var api = await Fixture.IniciarSesionAsync(cobrador.Email, cobrador.Password);
        await (await api.GetAsync("/api/v1/clientes")).JsonAsync(200);
    }

    [Test]
    public async Task Administrador_no_puede_desactivarse_a_si_mismo()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var yo = await (await admin.GetAsync("/api/v1/auth/sesion")).JsonAsync();

        var problema = await (await admin.PostAsync($"/api/v1/usuarios/{(string)yo["usuario"]!["id"]!}/desactivar", null)).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.Not.Empty);
        await (await admin.GetAsync("/api/v1/clientes")).JsonAsync(200);
    }

    [Test]
    public async Task Cambio_de_rol_rige_desde_el_siguiente_login()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var usuario = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var antes = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password);
        await (await antes.PostAsJsonAsync("/api/v1/clientes", Datos.Cliente())).TextoAsync(403);

        var cambiado = await (await admin.PutAsJsonAsync($"/api/v1/usuarios/{usuario.Id}/rol", new { rol = "Cobrador" })).JsonAsync();

        Assert.That((string?)cambiado["rol"], Is.EqualTo("Cobrador"));
        var despues = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password);
        await despues.CrearClienteAsync();
    }
}
