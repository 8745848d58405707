using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Notificaciones.Tests;

public sealed class CuentasDepositoTests : PruebaNotificaciones
{
    private const string Ruta = "/api/v1/notificaciones/cuentas-deposito";

    private static object Cuenta(string numero = "00-123-45678-09", string rut = "76.086.428-5", string tipo = "corriente", string banco = "Banco de Chile") => new
    {
        banco, tipoCuenta = tipo, numero, titular = "Cobranzas del Sur SpA", rutTitular = rut, emailNotificacion = "pagos@cobranzasdelsur.cl",
    };

    private async Task<JsonNode> CrearAsync(object cuenta) => await (await Api.PostAsJsonAsync(Ruta, cuenta)).JsonAsync(201);

    [Test]
    public async Task La_primera_cuenta_queda_por_defecto_con_el_rut_canonico_y_se_puede_editar()
    {
        var c = await CrearAsync(Cuenta());
        Assert.That((bool)c["porDefecto"]!, Is.True);
        Assert.That((string)c["rutTitular"]!, Is.EqualTo("76086428-5"));

        var editada = await (await Api.PutAsJsonAsync($"{Ruta}/{c.Id()}", Cuenta(numero: "99-1", tipo: "vista"))).JsonAsync();
        Assert.That((string)editada["numero"]!, Is.EqualTo("99-1"));
        Assert.That((string)editada["tipoCuenta"]!, Is.EqualTo("vista"));
        var lista = (await (await Api.GetAsync(Ruta)).JsonAsync()).AsArray();
        Assert.That(lista, Has.Count.EqualTo(1));
    }

    [TestCase("rutTitular", "76.086.428-4")]
    [TestCase("tipoCuenta", "plazo")]
    [TestCase("numero", "abc")]
    [TestCase("banco", "")]
    [TestCase("emailNotificacion", "no-es-correo")]
    public async Task Un_campo_invalido_se_rechaza_en_su_campo(string campo, string valor)
    {
        var cuerpo = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Cuenta(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!;
        cuerpo[campo] = valor;
        var problema = await (await Api.PostAsJsonAsync(Ruta, cuerpo)).ProblemaAsync(400);
        Assert.That(problema.CamposConError(), Does.Contain(campo));
    }

    [Test]
    public async Task Un_nul_en_el_titular_se_rechaza_con_400()
    {
        var cuerpo = new { banco = "Banco", tipoCuenta = "vista", numero = "1", titular = "Ana\0", rutTitular = "76086428-5", emailNotificacion = (string?)null };
        await (await Api.PostAsJsonAsync(Ruta, cuerpo)).ProblemaAsync(400);
    }

    [Test]
    public async Task Solo_una_cuenta_activa_es_la_por_defecto()
    {
        var a = await CrearAsync(Cuenta("1"));
        var b = await CrearAsync(Cuenta("2"));
        var c = await CrearAsync(Cuenta("3"));
        Assert.That((bool)b["porDefecto"]!, Is.False);

        // Several changes of the default at once: all succeed, one account ends as the default.
        var respuestas = await Task.WhenAll(new[] { b, c, b, c }.Select(x => Api.PostAsync($"{Ruta}/{x.Id()}/por-defecto", null)));
        Assert.That(respuestas.Select(r => (int)r.StatusCode), Is.All.EqualTo(200));
        var lista = (await (await Api.GetAsync(Ruta)).JsonAsync()).AsArray();
        Assert.That(lista.Count(x => (bool)x!["porDefecto"]!), Is.EqualTo(1));

        // Deactivating the default hands it to the oldest active account.
        var porDefecto = lista.Single(x => (bool)x!["porDefecto"]!)!.Id();
        await (await Api.PostAsync($"{Ruta}/{porDefecto}/desactivar", null)).JsonAsync();
        lista = (await (await Api.GetAsync(Ruta)).JsonAsync()).AsArray();
        Assert.That(lista.Single(x => (bool)x!["porDefecto"]!)!.Id(), Is.EqualTo(a.Id()));

        var inactiva = await Api.PostAsync($"{Ruta}/{porDefecto}/por-defecto", null);
        await inactiva.ProblemaAsync(422);
        var reactivada = await (await Api.PostAsync($"{Ruta}/{porDefecto}/reactivar", null)).JsonAsync();
        Assert.That((bool)reactivada["porDefecto"]!, Is.False);
        Assert.That((bool)reactivada["activa"]!, Is.True);
    }

    [Test]
    public async Task La_misma_cuenta_del_mismo_banco_no_se_repite()
    {
        await CrearAsync(Cuenta());
        await (await Api.PostAsJsonAsync(Ruta, Cuenta())).ProblemaAsync(409);
    }

    [Test]
    public async Task La_cuenta_de_otra_empresa_no_existe()
    {
        var c = await CrearAsync(Cuenta());
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        await (await otra.PutAsJsonAsync($"{Ruta}/{c.Id()}", Cuenta())).ProblemaAsync(404);
        await (await otra.PostAsync($"{Ruta}/{c.Id()}/por-defecto", null)).ProblemaAsync(404);
        Assert.That((await (await otra.GetAsync(Ruta)).JsonAsync()).AsArray(), Is.Empty);
    }
}
