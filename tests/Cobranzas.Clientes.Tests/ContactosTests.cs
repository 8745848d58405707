using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

public sealed class ContactosTests : PruebaClientes
{
    private string _clienteId = "";

    [SetUp]
    public async Task CrearClienteAsync() => _clienteId = (await Api.CrearClienteAsync(Datos.Cliente("76086428-5", "Comercial Andes SpA"))).Id();

    private string Url(string? contactoId = null) => $"/api/v1/clientes/{_clienteId}/contactos" + (contactoId is null ? "" : $"/{contactoId}");

    [Test]
    public async Task Crear_listar_modificar_y_eliminar_un_contacto()
    {
        var creado = await Api.CrearContactoAsync(_clienteId, Datos.Contacto("María Pérez", "Maria.Perez@Andes.test", telefono: null, cargo: "Tesorera"));
        Assert.That((string?)creado["email"], Is.EqualTo("maria.perez@andes.test"));
        Assert.That((string?)creado["canalPreferido"], Is.EqualTo("email"));
        Assert.That((string?)creado["clienteId"], Is.EqualTo(_clienteId));

        var modificado = await (await Api.PutAsJsonAsync(Url(creado.Id()), Datos.Contacto("María Pérez Soto", "maria.perez@andes.test", "+56 9 8765 4321", "pagos", "Jefa de pagos", "whatsapp")))
            .JsonAsync();
        Assert.That((string?)modificado["nombre"], Is.EqualTo("María Pérez Soto"));
        Assert.That((string?)modificado["rol"], Is.EqualTo("pagos"));
        Assert.That((string?)modificado["canalPreferido"], Is.EqualTo("whatsapp"));

        var lista = await (await Api.GetAsync(Url())).JsonAsync();
        Assert.That(lista.AsArray().Select(c => (string?)c!["telefono"]), Is.EqualTo(new[] { "+56 9 8765 4321" }));

        await (await Api.DeleteAsync(Url(creado.Id()))).TextoAsync(204);
        Assert.That((await (await Api.GetAsync(Url())).JsonAsync()).AsArray(), Is.Empty);
        await (await Api.DeleteAsync(Url(creado.Id()))).ProblemaAsync(404);
    }

    [Test]
    public async Task Contacto_solo_con_telefono_prefiere_el_telefono()
    {
        var creado = await Api.CrearContactoAsync(_clienteId, Datos.Contacto(email: null, telefono: "(2) 2345 6789"));

        Assert.That((string?)creado["canalPreferido"], Is.EqualTo("telefono"));
    }

    [Test]
    public async Task Opt_out_de_email_se_guarda_y_se_puede_revertir()
    {
        var creado = await Api.CrearContactoAsync(_clienteId);

        var conOptOut = await (await Api.PutAsJsonAsync(Url(creado.Id()), Datos.Contacto(optOutEmail: true))).JsonAsync();
        Assert.That((bool?)conOptOut["optOutEmail"], Is.True);
        Assert.That((bool?)(await (await Api.GetAsync(Url())).JsonAsync())[0]!["optOutEmail"], Is.True);

        var sinOptOut = await (await Api.PutAsJsonAsync(Url(creado.Id()), Datos.Contacto(optOutEmail: false))).JsonAsync();
        Assert.That((bool?)sinOptOut["optOutEmail"], Is.False);
    }

    [TestCase("no-es-un-email", "+56 9 1234 5678", "email")]
    [TestCase("maria@", "+56 9 1234 5678", "email")]
    [TestCase(null, "12ab34cd", "telefono")]
    [TestCase(null, "1234567", "telefono")]
    [TestCase(null, "+56 9 1234 5678 0000 1", "telefono")]
    [TestCase(null, "56+912345678", "telefono")]
    [TestCase(null, null, "email")]
    [TestCase("", "", "email")]
    public async Task Email_o_telefono_invalido_responde_400_nombrando_el_campo(string? email, string? telefono, string campo)
    {
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync(Url(), Datos.Contacto(email: email, telefono: telefono))).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Does.Contain(campo));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [TestCase("+56 9 1234 5678")]
    [TestCase("+1 (415) 555-2671")]
    [TestCase("222345678")]
    public async Task Telefonos_chilenos_e_internacionales_se_aceptan(string telefono)
    {
        var creado = await Api.CrearContactoAsync(_clienteId, Datos.Contacto(email: null, telefono: telefono));

        Assert.That((string?)creado["telefono"], Is.EqualTo(telefono));
    }

    [Test]
    public async Task Canal_preferido_exige_el_medio_correspondiente()
    {
        var sinTelefono = await (await Api.PostAsJsonAsync(Url(), Datos.Contacto(telefono: null, canalPreferido: "whatsapp"))).ProblemaAsync(400);
        var sinEmail = await (await Api.PostAsJsonAsync(Url(), Datos.Contacto(email: null, canalPreferido: "email"))).ProblemaAsync(400);
        var desconocido = await (await Api.PostAsJsonAsync(Url(), Datos.Contacto(canalPreferido: "paloma"))).ProblemaAsync(400);

        Assert.That(sinTelefono.CamposConError(), Does.Contain("telefono"));
        Assert.That(sinEmail.CamposConError(), Does.Contain("email"));
        Assert.That(desconocido.CamposConError(), Does.Contain("canalPreferido"));
    }

    [Test]
    public async Task Rol_y_nombre_son_obligatorios()
    {
        var problema = await (await Api.PostAsJsonAsync(Url(), Datos.Contacto(nombre: "", rol: "gerente"))).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.SupersetOf(new[] { "nombre", "rol" }));
    }

    [Test]
    public async Task Contacto_de_un_cliente_inexistente_responde_404()
    {
        await (await Api.PostAsJsonAsync($"/api/v1/clientes/{Guid.NewGuid()}/contactos", Datos.Contacto())).ProblemaAsync(404);
    }

    [Test]
    public async Task Un_contacto_no_se_modifica_a_traves_de_otro_cliente()
    {
        var contacto = await Api.CrearContactoAsync(_clienteId);
        var otro = await Api.CrearClienteAsync();

        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{otro.Id()}/contactos/{contacto.Id()}", Datos.Contacto(nombre: "Intruso"))).ProblemaAsync(404);
        await (await Api.DeleteAsync($"/api/v1/clientes/{otro.Id()}/contactos/{contacto.Id()}")).ProblemaAsync(404);
    }
}
