using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.Auditoria;

public sealed class AuditoriaTests : PruebaApi
{
    [Test]
    public async Task Crear_y_modificar_un_cliente_queda_en_la_auditoria_con_actor_antes_y_despues()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Textiles Maipo");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var rut = Datos.RutNuevo();
        var cliente = await admin.CrearClienteAsync(Datos.Cliente(rut, "Confecciones Lo Espejo Ltda."));
        await (await admin.PutAsJsonAsync($"/api/v1/clientes/{cliente.Id()}", Datos.Cliente(rut, "Confecciones Lo Espejo SpA"))).JsonAsync();

        var pagina = await (await admin.GetAsync($"/api/v1/auditoria?entidad=Cliente&entidadId={cliente.Id()}")).JsonAsync();

        var entradas = pagina["items"]!.AsArray().Select(e => e!).OrderBy(e => (string?)e["operacion"]).ToList();
        Assert.That(entradas.Select(e => (string?)e["operacion"]), Is.EqualTo(new[] { "crear", "modificar" }));
        Assert.That(entradas.Select(e => (string?)e["actor"]), Is.All.EqualTo(empresa.EmailAdmin));
        var (creacion, cambio) = (entradas[0], entradas[1]);
        Assert.That((string?)creacion["antes"], Is.Null);
        Assert.That(Campo(creacion["despues"], "RazonSocial"), Is.EqualTo("Confecciones Lo Espejo Ltda."));
        Assert.That(Campo(cambio["antes"], "RazonSocial"), Is.EqualTo("Confecciones Lo Espejo Ltda."));
        Assert.That(Campo(cambio["despues"], "RazonSocial"), Is.EqualTo("Confecciones Lo Espejo SpA"));
    }

    [Test]
    public async Task Auditoria_filtra_por_actor()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Textiles Maipo");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var cobrador = await Fixture.CrearUsuarioAsync(empresa, "Cobrador");
        await (await Fixture.IniciarSesionAsync(cobrador.Email, cobrador.Password)).CrearClienteAsync();
        await admin.CrearClienteAsync();

        var pagina = await (await admin.GetAsync($"/api/v1/auditoria?actor={Uri.EscapeDataString(cobrador.Email)}")).JsonAsync();

        Assert.That(pagina["items"]!.AsArray(), Is.Not.Empty);
        Assert.That(pagina["items"]!.AsArray().Select(e => (string?)e!["actor"]), Is.All.EqualTo(cobrador.Email));
    }

    [TestCase("Consulta")]
    [TestCase("Cobrador")]
    [TestCase("Supervisor")]
    public async Task Solo_el_administrador_lee_la_auditoria(string rol)
    {
        var empresa = await Fixture.CrearEmpresaAsync("Textiles Maipo");
        var api = await Fixture.ClienteHttpAsync(empresa, rol);

        await (await api.GetAsync("/api/v1/auditoria")).TextoAsync(403);
    }

    private static string? Campo(JsonNode? json, string campo) => (string?)JsonNode.Parse((string)json!)![campo];
}
