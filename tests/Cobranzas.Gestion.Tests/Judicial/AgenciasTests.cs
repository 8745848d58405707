using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Judicial;

public sealed class AgenciasTests : PruebaGestion
{
    private long _folio = 500;

    private Task<JsonNode> DocumentoAsync(string? clienteId = null, decimal total = 100_000m) =>
        FacturaAsync(++_folio, total, Hoy.AddDays(-90), Hoy.AddDays(-60), clienteId);

    private async Task<string> AgenciaAsync(string nombre, string rut) =>
        (await (await Api.PostAsJsonAsync("/api/v1/judicial/agencias", new { nombre, rut, contacto = "Pedro Soto", email = "pedro@agencia.cl", telefono = "+56911112222", porcentajeComision = 12.5m }))
            .JsonAsync(201)).Id();

    private async Task<HttpClient> ClaveAsync(string agenciaId) =>
        Fixture.ConApiKey((string)(await (await Api.PostAsync($"/api/v1/judicial/agencias/{agenciaId}/api-key", null)).JsonAsync())["clave"]!);

    private async Task<JsonNode> DerivarAsync(string agenciaId, string clienteId, params string[] documentoIds) =>
        await (await Api.PostAsJsonAsync($"/api/v1/judicial/agencias/{agenciaId}/derivaciones", new { clienteId, documentoIds, notas = "Sin respuesta interna" })).JsonAsync(201);

    [Test]
    public async Task La_clave_de_una_agencia_ve_solo_sus_documentos_derivados()
    {
        var derivado = (await DocumentoAsync()).Id();
        var noDerivado = (await DocumentoAsync()).Id();
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var deOtraAgencia = (await DocumentoAsync(otroCliente)).Id();
        var agencia = await AgenciaAsync("Recupera SpA", "76.086.428-5");
        var otra = await AgenciaAsync("Cobra Ltda", "77.777.777-7");
        await DerivarAsync(agencia, ClienteId, derivado);
        await DerivarAsync(otra, otroCliente, deOtraAgencia);
        var clave = await ClaveAsync(agencia);

        var lista = (await (await clave.GetAsync("/api/v1/judicial/agencia/documentos")).JsonAsync()).AsArray();

        Assert.That(lista.Select(d => (string?)d!["id"]), Is.EqualTo(new[] { derivado }));
        Assert.That((await clave.GetAsync($"/api/v1/judicial/agencia/documentos/{derivado}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var ajeno in new[] { noDerivado, deOtraAgencia, Guid.NewGuid().ToString() })
        {
            Assert.That((await clave.GetAsync($"/api/v1/judicial/agencia/documentos/{ajeno}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), ajeno);
            Assert.That((await clave.PostAsJsonAsync($"/api/v1/judicial/agencia/documentos/{ajeno}/actividades", new { canal = "telefono", resultado = "contactado", notas = "x" })).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task La_clave_de_una_agencia_no_entra_a_ningun_otro_endpoint()
    {
        var documento = (await DocumentoAsync()).Id();
        var agencia = await AgenciaAsync("Recupera SpA", "76.086.428-5");
        await DerivarAsync(agencia, ClienteId, documento);
        var clave = await ClaveAsync(agencia);

        foreach (var ruta in new[] { "/api/v1/clientes", $"/api/v1/clientes/{ClienteId}", "/api/v1/documentos", $"/api/v1/documentos/{documento}", "/api/v1/judicial/agencias", "/api/v1/judicial/derivaciones", "/api/v1/api-keys" })
            Assert.That((await clave.GetAsync(ruta)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), ruta);
        Assert.That((await clave.PostAsJsonAsync("/api/v1/pagos", new { clienteId = ClienteId, fecha = F(Hoy), monto = 1000m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
        // And a user of the company does not act as an agency.
        Assert.That((await Api.GetAsync("/api/v1/judicial/agencia/documentos")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task La_agencia_registra_actividad_y_pago_sobre_su_documento()
    {
        var documento = (await DocumentoAsync(total: 100_000m)).Id();
        var agencia = await AgenciaAsync("Recupera SpA", "76.086.428-5");
        await DerivarAsync(agencia, ClienteId, documento);
        var clave = await ClaveAsync(agencia);

        await (await clave.PostAsJsonAsync($"/api/v1/judicial/agencia/documentos/{documento}/actividades", new { canal = "telefono", resultado = "promesa", notas = "Paga el viernes" })).JsonAsync(201);
        var pago = await (await clave.PostAsJsonAsync($"/api/v1/judicial/agencia/documentos/{documento}/pagos", new { fecha = F(Hoy), monto = 40_000m, referencia = "REC-1" })).JsonAsync();
        var repetido = await (await clave.PostAsJsonAsync($"/api/v1/judicial/agencia/documentos/{documento}/pagos", new { fecha = F(Hoy), monto = 40_000m, referencia = "REC-1" })).JsonAsync();

        Assert.That(((decimal?)pago["aplicado"], (bool?)pago["nuevo"], (bool?)repetido["nuevo"]), Is.EqualTo(((decimal?)40_000m, (bool?)true, (bool?)false)));
        var doc = await (await clave.GetAsync($"/api/v1/judicial/agencia/documentos/{documento}")).JsonAsync();
        Assert.That((decimal?)doc["saldo"], Is.EqualTo(60_000m));
        var actividades = await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync();
        Assert.That(actividades.ToJsonString(), Does.Contain("Paga el viernes"));
    }

    [Test]
    public async Task Derivar_a_una_agencia_pasa_el_cliente_a_prejudicial_y_cerrar_quita_el_acceso()
    {
        var documento = (await DocumentoAsync()).Id();
        var agencia = await AgenciaAsync("Recupera SpA", "76.086.428-5");
        var derivacion = await DerivarAsync(agencia, ClienteId);
        var clave = await ClaveAsync(agencia);

        Assert.That(derivacion["documentoIds"]!.AsArray().Select(d => (string?)d), Is.EqualTo(new[] { documento }));
        var etapa = await (await Api.GetAsync($"/api/v1/gestion/clientes/{ClienteId}/etapa")).JsonAsync();
        Assert.That((string?)etapa["etapa"], Is.EqualTo("prejudicial"));
        var agencias = (await (await Api.GetAsync("/api/v1/judicial/agencias")).JsonAsync()).AsArray();
        Assert.That(((int?)agencias[0]!["derivacionesActivas"], (decimal?)agencias[0]!["porcentajeComision"]), Is.EqualTo(((int?)1, (decimal?)12.5m)));

        await (await Api.PostAsync($"/api/v1/judicial/derivaciones/{derivacion.Id()}/cerrar", null)).JsonAsync();

        Assert.That((await clave.GetAsync($"/api/v1/judicial/agencia/documentos/{documento}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Un_documento_no_se_deriva_dos_veces_ni_de_otro_cliente()
    {
        var documento = (await DocumentoAsync()).Id();
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var ajeno = (await DocumentoAsync(otroCliente)).Id();
        var agencia = await AgenciaAsync("Recupera SpA", "76.086.428-5");
        await DerivarAsync(agencia, ClienteId, documento);

        var dos = await Api.PostAsJsonAsync($"/api/v1/judicial/agencias/{agencia}/derivaciones", new { clienteId = ClienteId, documentoIds = new[] { documento } });
        var otro = await Api.PostAsJsonAsync($"/api/v1/judicial/agencias/{agencia}/derivaciones", new { clienteId = ClienteId, documentoIds = new[] { ajeno } });

        Assert.That((dos.StatusCode, otro.StatusCode), Is.EqualTo((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity)));
    }

    [Test]
    public async Task Nul_en_el_nombre_de_la_agencia_da_400()
    {
        var r = await Api.PostAsJsonAsync("/api/v1/judicial/agencias", new { nombre = "Recupera\u0000", rut = "76.086.428-5", porcentajeComision = 10m });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await (await Api.GetAsync("/api/v1/judicial/agencias")).JsonAsync()).AsArray(), Is.Empty);
    }
}
