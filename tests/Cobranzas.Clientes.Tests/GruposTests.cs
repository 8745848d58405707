using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

public sealed class GruposTests : PruebaClientes
{
    [Test]
    public async Task Crear_renombrar_y_eliminar_un_grupo_de_clientes()
    {
        var grupo = await (await Api.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = "Zona Sur", descripcion = "Talca a Puerto Montt" })).JsonAsync(201);

        var renombrado = await (await Api.PutAsJsonAsync($"/api/v1/grupos-clientes/{grupo.Id()}", new { nombre = "Zona Centro Sur", descripcion = (string?)null })).JsonAsync();
        Assert.That((string?)renombrado["nombre"], Is.EqualTo("Zona Centro Sur"));
        var lista = await (await Api.GetAsync("/api/v1/grupos-clientes")).JsonAsync();
        Assert.That(lista.AsArray().Select(g => (string?)g!["nombre"]), Is.EqualTo(new[] { "Zona Centro Sur" }));

        await (await Api.DeleteAsync($"/api/v1/grupos-clientes/{grupo.Id()}")).TextoAsync(204);
        await (await Api.GetAsync($"/api/v1/grupos-clientes/{grupo.Id()}")).ProblemaAsync(404);
    }

    [Test]
    public async Task Agregar_y_quitar_clientes_de_un_grupo()
    {
        var andes = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Comercial Andes SpA"));
        var austral = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Inversiones Austral"));
        var grupo = await (await Api.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = "Cuentas clave", descripcion = (string?)null })).JsonAsync(201);
        var miembros = $"/api/v1/grupos-clientes/{grupo.Id()}/miembros";

        var detalle = await (await Api.PostAsJsonAsync(miembros, new { ids = new[] { andes.Id(), austral.Id(), andes.Id() } })).JsonAsync();
        Assert.That(detalle["miembros"]!.AsArray().Select(m => (string?)m!["razonSocial"]), Is.EqualTo(new[] { "Comercial Andes SpA", "Inversiones Austral" }));
        var otraVez = await (await Api.PostAsJsonAsync(miembros, new { ids = new[] { andes.Id() } })).JsonAsync();
        Assert.That(otraVez["miembros"]!.AsArray(), Has.Count.EqualTo(2));
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{andes.Id()}")).JsonAsync();
        Assert.That(cliente["grupos"]!.AsArray().Select(g => (string?)g!["nombre"]), Is.EqualTo(new[] { "Cuentas clave" }));

        await (await Api.DeleteAsync($"{miembros}/{andes.Id()}")).TextoAsync(204);

        var final = await (await Api.GetAsync($"/api/v1/grupos-clientes/{grupo.Id()}")).JsonAsync();
        Assert.That(final["miembros"]!.AsArray().Select(m => (string?)m!["id"]), Is.EqualTo(new[] { austral.Id() }));
        var resumen = (await (await Api.GetAsync("/api/v1/grupos-clientes")).JsonAsync()).AsArray().Single()!;
        Assert.That((int?)resumen["cantidadMiembros"], Is.EqualTo(1));
        await (await Api.DeleteAsync($"{miembros}/{andes.Id()}")).ProblemaAsync(404);
    }

    [Test]
    public async Task Clientes_de_otra_empresa_no_se_agregan_y_el_grupo_no_cambia()
    {
        var propio = await Api.CrearClienteAsync();
        var grupo = await (await Api.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = "Zona Norte", descripcion = (string?)null })).JsonAsync(201);
        await (await Api.PostAsJsonAsync($"/api/v1/grupos-clientes/{grupo.Id()}/miembros", new { ids = new[] { propio.Id() } })).JsonAsync();
        var otra = await Fixture.CrearEmpresaAsync("Importadora del Norte");
        var ajeno = await (await Fixture.ClienteHttpAsync(otra)).CrearClienteAsync();
        var otroPropio = await Api.CrearClienteAsync();
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/grupos-clientes/{grupo.Id()}/miembros", new { ids = new[] { otroPropio.Id(), ajeno.Id() } }))
            .ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "ids" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
        var detalle = await (await Api.GetAsync($"/api/v1/grupos-clientes/{grupo.Id()}")).JsonAsync();
        Assert.That(detalle["miembros"]!.AsArray().Select(m => (string?)m!["id"]), Is.EqualTo(new[] { propio.Id() }));
    }

    [Test]
    public async Task Grupo_de_contactos_agrega_y_quita_contactos_de_distintos_clientes()
    {
        var andes = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Comercial Andes SpA"));
        var austral = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Inversiones Austral"));
        var maria = await Api.CrearContactoAsync(andes.Id(), Datos.Contacto("María Pérez", "maria@andes.test"));
        var pedro = await Api.CrearContactoAsync(austral.Id(), Datos.Contacto("Pedro Soto", "pedro@austral.test"));
        var grupo = await (await Api.PostAsJsonAsync("/api/v1/grupos-contactos", new { nombre = "Tesoreros", descripcion = (string?)null })).JsonAsync(201);
        var miembros = $"/api/v1/grupos-contactos/{grupo.Id()}/miembros";

        var detalle = await (await Api.PostAsJsonAsync(miembros, new { ids = new[] { maria.Id(), pedro.Id() } })).JsonAsync();
        Assert.That(detalle["miembros"]!.AsArray().Select(m => ((string?)m!["nombre"], (string?)m["razonSocialCliente"])),
            Is.EqualTo(new[] { ("María Pérez", "Comercial Andes SpA"), ("Pedro Soto", "Inversiones Austral") }));

        await (await Api.DeleteAsync($"{miembros}/{maria.Id()}")).TextoAsync(204);
        var renombrado = await (await Api.PutAsJsonAsync($"/api/v1/grupos-contactos/{grupo.Id()}", new { nombre = "Tesorería", descripcion = "Pagos" })).JsonAsync();

        Assert.That((string?)renombrado["nombre"], Is.EqualTo("Tesorería"));
        Assert.That((int?)renombrado["cantidadMiembros"], Is.EqualTo(1));
        await (await Api.DeleteAsync($"/api/v1/grupos-contactos/{grupo.Id()}")).TextoAsync(204);
        Assert.That((await (await Api.GetAsync("/api/v1/grupos-contactos")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((await (await Api.GetAsync($"/api/v1/clientes/{andes.Id()}/contactos")).JsonAsync()).AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Contactos_de_otra_empresa_no_se_agregan_y_el_grupo_no_cambia()
    {
        var grupo = await (await Api.PostAsJsonAsync("/api/v1/grupos-contactos", new { nombre = "Tesoreros", descripcion = (string?)null })).JsonAsync(201);
        var otra = await Fixture.CrearEmpresaAsync("Importadora del Norte");
        var apiOtra = await Fixture.ClienteHttpAsync(otra);
        var ajeno = await apiOtra.CrearContactoAsync((await apiOtra.CrearClienteAsync()).Id());
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/grupos-contactos/{grupo.Id()}/miembros", new { ids = new[] { ajeno.Id() } })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "ids" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [TestCase("/api/v1/grupos-clientes")]
    [TestCase("/api/v1/grupos-contactos")]
    public async Task Nombre_de_grupo_repetido_responde_409(string coleccion)
    {
        await (await Api.PostAsJsonAsync(coleccion, new { nombre = "Zona Sur", descripcion = (string?)null })).JsonAsync(201);

        var problema = await (await Api.PostAsJsonAsync(coleccion, new { nombre = " Zona Sur ", descripcion = (string?)null })).ProblemaAsync(409);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "nombre" }));
    }

    [TestCase("/api/v1/grupos-clientes")]
    [TestCase("/api/v1/grupos-contactos")]
    public async Task Lista_de_miembros_vacia_responde_400(string coleccion)
    {
        var grupo = await (await Api.PostAsJsonAsync(coleccion, new { nombre = "Vacío", descripcion = (string?)null })).JsonAsync(201);

        var problema = await (await Api.PostAsJsonAsync($"{coleccion}/{grupo.Id()}/miembros", new { ids = Array.Empty<Guid>() })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "ids" }));
    }
}
