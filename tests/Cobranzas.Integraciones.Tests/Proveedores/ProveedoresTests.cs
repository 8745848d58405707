using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Platform.Correo;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Integraciones.Tests.Proveedores;

public sealed class ProveedoresTests : PruebaFlow
{
    [Test]
    public async Task El_catalogo_lista_los_seis_proveedores_y_los_sin_api_se_activan_por_solicitud()
    {
        var otra = await Fixture.CrearEmpresaAsync("Sin Proveedores");
        var api = await Fixture.ClienteHttpAsync(otra);
        var lista = (JsonArray)await (await api.GetAsync("/api/v1/integraciones/proveedores")).JsonAsync();

        Assert.That(lista.Select(p => (string)p!["codigo"]!), Is.EqualTo(new[] { "flow", "khipu", "mercadopago", "webpay", "cobranza-online", "defontana-pay" }));
        Assert.That(lista.All(p => (string)p!["estado"]! == "inactivo"));
        var flow = lista.Single(p => (string)p!["codigo"]! == "flow")!;
        Assert.That((bool)flow["disponible"]!, Is.True);
        Assert.That(((JsonArray)flow["camposCredenciales"]!).Select(c => (string)c!["nombre"]!), Is.EqualTo(new[] { "apiKey", "secretKey" }));
        Assert.That(lista.Where(p => (string)p!["modalidad"]! == "solicitud").Select(p => (string)p!["codigo"]!), Is.EqualTo(new[] { "cobranza-online", "defontana-pay" }));
    }

    [Test]
    public async Task Activar_flow_verifica_las_credenciales_y_nunca_las_devuelve()
    {
        var detalle = await LeerAsync("/api/v1/integraciones/proveedores/flow");
        var lista = await (await Api.GetAsync("/api/v1/integraciones/proveedores")).Content.ReadAsStringAsync();

        Assert.That((string)detalle["estado"]!, Is.EqualTo("activo"));
        Assert.That(detalle["activado"], Is.Not.Null);
        Assert.That(((JsonArray)detalle["camposCredenciales"]!).All(c => (bool)c!["configurado"]!));
        Assert.That(detalle.ToJsonString() + lista, Does.Not.Contain(Flow.SecretKey).And.Not.Contain(Flow.ApiKey));
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT credenciales_cifradas FROM integraciones.proveedores_empresa WHERE codigo = 'flow'", conexion);
        var cifradas = (string)(await cmd.ExecuteScalarAsync())!;
        Assert.That(cifradas, Does.Not.Contain(Flow.SecretKey).And.Not.Contain(Flow.ApiKey));
    }

    [Test]
    public async Task Credenciales_que_flow_rechaza_responden_422_y_el_proveedor_no_cambia()
    {
        var otra = await Fixture.CrearEmpresaAsync("Credenciales Malas");
        var api = await Fixture.ClienteHttpAsync(otra);
        var problema = (await ActivarFlowAsync(api, secretKey: "otra-clave", estado: 422)).AsObject();

        Assert.That((string)problema["detail"]!, Does.Contain("Flow rechazó las credenciales"));
        Assert.That((string)(await (await api.GetAsync("/api/v1/integraciones/proveedores/flow")).JsonAsync())["estado"]!, Is.EqualTo("inactivo"));
    }

    [Test]
    public async Task Activar_sin_un_campo_de_credencial_lo_nombra()
    {
        var r = await Api.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/activar", new { credenciales = new Dictionary<string, string> { ["apiKey"] = "x" } });
        var problema = await r.ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Does.Contain("credenciales.secretKey"));
    }

    [Test]
    public async Task Un_caracter_nulo_en_una_credencial_es_400()
    {
        var r = await Api.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/activar",
            new { credenciales = new Dictionary<string, string> { ["apiKey"] = "a\0b", ["secretKey"] = "x" }, urlBase = Flow.Url.AbsoluteUri });
        await r.ProblemaAsync(400);
    }

    [Test]
    public async Task Un_cobrador_no_puede_activar_un_proveedor()
    {
        var cobrador = await Fixture.ClienteHttpAsync(Empresa, "Cobrador");
        var r = await cobrador.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/desactivar", new { });
        Assert.That((int)r.StatusCode, Is.EqualTo(403));
    }

    [Test]
    public async Task La_activacion_por_solicitud_queda_solicitada_y_avisa_a_los_administradores()
    {
        var r = await (await Api.PostAsJsonAsync("/api/v1/integraciones/proveedores/cobranza-online/activar", new { })).JsonAsync();
        Assert.That((string)r["estado"]!, Is.EqualTo("solicitado"));
        Assert.That(r["solicitado"], Is.Not.Null);

        await Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<DespachadorCorreos>().EnviarPendientesAsync(CancellationToken.None));
        var correo = await Fixture.Correo.EsperarCorreoAsync(Empresa.EmailAdmin);
        Assert.That(correo.Asunto, Does.Contain("Cobranza Online"));

        var otra = await Api.PostAsJsonAsync("/api/v1/integraciones/proveedores/cobranza-online/activar", new { });
        await otra.ProblemaAsync(409);
        var conCredenciales = await Api.PostAsJsonAsync("/api/v1/integraciones/proveedores/defontana-pay/activar",
            new { credenciales = new Dictionary<string, string> { ["apiKey"] = "x" } });
        await conCredenciales.ProblemaAsync(422);
    }

    [Test]
    public async Task Las_comisiones_se_guardan_por_empresa()
    {
        var r = await (await Api.PutAsJsonAsync("/api/v1/integraciones/proveedores/khipu/comisiones", new { porcentaje = 1.49m, fijo = 150m })).JsonAsync();
        Assert.That((decimal)r["comisionPorcentaje"]!, Is.EqualTo(1.49m));
        Assert.That((decimal)r["comisionFija"]!, Is.EqualTo(150m));
        Assert.That((string)r["estado"]!, Is.EqualTo("inactivo"));
    }

    [Test]
    public async Task Desactivar_conserva_los_enlaces_y_no_permite_crear_nuevos()
    {
        var doc = (await FacturaAsync(101, 50_000m, Hoy.AddDays(-30), Hoy.AddDays(-1))).Id();
        var enlace = await EnlaceAsync(doc);

        var desactivado = await (await Api.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/desactivar", new { })).JsonAsync();
        Assert.That((string)desactivado["estado"]!, Is.EqualTo("desactivado"));

        var nuevo = await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { (await FacturaAsync(102, 10m, Hoy, Hoy)).Id() } });
        await nuevo.ProblemaAsync(422);
        Assert.That((string)(await LeerAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}"))["estado"]!, Is.EqualTo("activo"));

        // A payer who already had the link can still pay it: the payment is confirmed with the kept credentials.
        await Flow.PagarAsync(TokenDe(enlace));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
    }
}
