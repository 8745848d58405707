using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

public sealed class RutTests : PruebaClientes
{
    [TestCase("76086428-5", "76086428-5")]
    [TestCase("12531909-2", "12531909-2")]
    [TestCase("10626628-K", "10626628-K")]
    [TestCase("14684927-K", "14684927-K")]
    [TestCase("12.531.909-2", "12531909-2")]
    [TestCase("125319092", "12531909-2")]
    [TestCase("10.626.628-k", "10626628-K")]
    [TestCase(" 14684927-K ", "14684927-K")]
    public async Task Rut_valido_se_guarda_en_forma_canonica(string enviado, string canonico)
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(enviado, "Cliente RUT"));

        Assert.That((string?)cliente["rut"], Is.EqualTo(canonico));
        var leido = await (await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}")).JsonAsync();
        Assert.That((string?)leido["rut"], Is.EqualTo(canonico));
    }

    [TestCase("12531909-3", TestName = "Rut_con_digito_verificador_incorrecto_responde_400")]
    [TestCase("76086A28-5", TestName = "Rut_con_letras_en_el_numero_responde_400")]
    [TestCase("", TestName = "Rut_vacio_responde_400")]
    [TestCase("   ", TestName = "Rut_en_blanco_responde_400")]
    [TestCase("1234567890123", TestName = "Rut_demasiado_largo_responde_400")]
    [TestCase("0-0", TestName = "Rut_cero_responde_400")]
    [TestCase("1-9", TestName = "Rut_1_9_pasa_el_modulo_11_pero_responde_400")]
    [TestCase("K-K", TestName = "Rut_sin_numero_responde_400")]
    public async Task Rut_invalido_responde_400_nombrando_rut(string rut)
    {
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/clientes", Datos.Cliente(rut))).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Does.Contain("rut"));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Rut_nulo_responde_400_nombrando_rut()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/clientes", new { rut = (string?)null, razonSocial = "Sin RUT", segmento = "Retail", cuentaClave = false }))
            .ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Does.Contain("rut"));
    }

    [Test]
    public async Task Rut_repetido_en_la_misma_empresa_responde_409_nombrando_rut_aunque_venga_en_otro_formato()
    {
        await Api.CrearClienteAsync(Datos.Cliente("12531909-2", "Primero"));

        var problema = await (await Api.PostAsJsonAsync("/api/v1/clientes", Datos.Cliente("12.531.909-2", "Segundo"))).ProblemaAsync(409);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "rut" }));
    }

    [Test]
    public async Task Cambiar_el_rut_de_un_cliente_al_de_otro_responde_409()
    {
        await Api.CrearClienteAsync(Datos.Cliente("12531909-2", "Primero"));
        var segundo = await Api.CrearClienteAsync(Datos.Cliente("76086428-5", "Segundo"));

        var problema = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{segundo.Id()}", Datos.Cliente("125319092", "Segundo"))).ProblemaAsync(409);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "rut" }));
    }

    [Test]
    public async Task El_mismo_rut_en_otra_empresa_esta_permitido()
    {
        await Api.CrearClienteAsync(Datos.Cliente("12531909-2", "Cliente de Maule"));
        var otra = await Fixture.CrearEmpresaAsync("Importadora del Norte");
        var apiOtra = await Fixture.ClienteHttpAsync(otra);

        var cliente = await apiOtra.CrearClienteAsync(Datos.Cliente("12.531.909-2", "Cliente del Norte"));

        Assert.That((string?)cliente["rut"], Is.EqualTo("12531909-2"));
    }
}
