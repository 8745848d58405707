using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.Autenticacion;

public sealed class CambioEmpresaTests : PruebaApi
{
    [Test]
    public async Task Usuario_de_dos_empresas_ve_en_cada_token_solo_los_clientes_de_esa_empresa()
    {
        var a = await Fixture.CrearEmpresaAsync("Alfa Comercial");
        var b = await Fixture.CrearEmpresaAsync("Beta Industrial", emailAdmin: a.EmailAdmin);
        var enA = await Fixture.IniciarSesionAsync(a.EmailAdmin, a.Password, a.Id);
        var clienteDeA = await enA.CrearClienteAsync(Datos.Cliente(razonSocial: "Cliente Exclusivo de Alfa"));

        var sesionB = await (await enA.PostAsJsonAsync("/api/v1/auth/cambiar-empresa", new { empresaId = b.Id })).JsonAsync();
        var enB = Fixture.ConToken((string)sesionB["token"]!);

        Assert.That((string?)sesionB["empresa"]!["id"], Is.EqualTo(b.Id.ToString()));
        Assert.That(sesionB["empresas"]!.AsArray().Select(e => (string?)e!["id"]), Is.EquivalentTo(new[] { a.Id.ToString(), b.Id.ToString() }));
        await (await enB.GetAsync($"/api/v1/clientes/{clienteDeA.Id()}")).ProblemaAsync(404);
        var listaB = await (await enB.GetAsync("/api/v1/clientes")).TextoAsync(200);
        Assert.That(listaB, Does.Not.Contain(clienteDeA.Id()).And.Not.Contain("Exclusivo de Alfa"));
        await (await enA.GetAsync($"/api/v1/clientes/{clienteDeA.Id()}")).JsonAsync(200);
    }

    [Test]
    public async Task Login_puede_elegir_la_empresa_y_por_omision_toma_una_de_las_suyas()
    {
        var a = await Fixture.CrearEmpresaAsync("Alfa Comercial");
        var b = await Fixture.CrearEmpresaAsync("Beta Industrial", emailAdmin: a.EmailAdmin);
        var anonimo = Fixture.ClienteAnonimo();

        var enB = await (await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = a.EmailAdmin, password = a.Password, empresaId = b.Id })).JsonAsync();
        var porOmision = await (await anonimo.PostAsJsonAsync("/api/v1/auth/login", new { email = a.EmailAdmin, password = a.Password })).JsonAsync();

        Assert.That((string?)enB["empresa"]!["id"], Is.EqualTo(b.Id.ToString()));
        Assert.That((string?)porOmision["empresa"]!["id"], Is.AnyOf(a.Id.ToString(), b.Id.ToString()));
    }

    [Test]
    public async Task No_puede_cambiar_a_una_empresa_de_la_que_no_es_usuario()
    {
        var a = await Fixture.CrearEmpresaAsync("Alfa Comercial");
        var ajena = await Fixture.CrearEmpresaAsync("Gamma Ajena");
        var enA = await Fixture.ClienteHttpAsync(a);

        await (await enA.PostAsJsonAsync("/api/v1/auth/cambiar-empresa", new { empresaId = ajena.Id })).ProblemaAsync(404);
        await (await Fixture.ClienteAnonimo().PostAsJsonAsync("/api/v1/auth/login", new { email = a.EmailAdmin, password = a.Password, empresaId = ajena.Id }))
            .ProblemaAsync(404);
    }
}
