using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.Autenticacion;

public sealed class CierreSesionTests : PruebaApi
{
    [Test]
    public async Task Logout_revoca_el_token()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Sur");
        var api = await Fixture.ClienteHttpAsync(empresa);
        await (await api.GetAsync("/api/v1/clientes")).JsonAsync(200);

        await (await api.PostAsync("/api/v1/auth/logout", null)).TextoAsync(204);

        await (await api.GetAsync("/api/v1/clientes")).TextoAsync(401);
        await (await api.GetAsync("/api/v1/auth/sesion")).TextoAsync(401);
    }

    [Test]
    public async Task Logout_no_cierra_las_otras_sesiones_del_mismo_usuario()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Sur");
        var celular = await Fixture.ClienteHttpAsync(empresa);
        var escritorio = await Fixture.ClienteHttpAsync(empresa);

        await (await celular.PostAsync("/api/v1/auth/logout", null)).TextoAsync(204);

        await (await escritorio.GetAsync("/api/v1/clientes")).JsonAsync(200);
    }

    [Test]
    public async Task Token_vencido_ya_no_sirve()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Distribuidora Sur");
        var api = await Fixture.ClienteHttpAsync(empresa);
        var sesion = await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = empresa.EmailAdmin, password = empresa.Password })).JsonAsync();
        var duracion = DateTimeOffset.Parse((string)sesion["expira"]!) - Fixture.Reloj.GetUtcNow();

        Fixture.Reloj.Advance(duracion + TimeSpan.FromMinutes(1));

        await (await api.GetAsync("/api/v1/clientes")).TextoAsync(401);
    }
}
