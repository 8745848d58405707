using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Integraciones.EnlacesPago;
using Cobranzas.Integraciones.Tests.Proveedores;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Integraciones.Tests.EnlacesPago;

/// <summary>Payment links charged through Flow (its simulator): the provider's status decides, the payment is registered once.</summary>
public sealed class EnlacesPagoFlowTests : PruebaFlow
{
    private static async Task<List<(string Resultado, string? Detalle)>> NotificacionesAsync()
    {
        await using var conexion = new NpgsqlConnection(Fixture.Conexion);
        await conexion.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT resultado, detalle FROM integraciones.notificaciones_proveedor ORDER BY recibida, id", conexion);
        await using var r = await cmd.ExecuteReaderAsync();
        var filas = new List<(string, string?)>();
        while (await r.ReadAsync())
            filas.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
        return filas;
    }

    [Test]
    public async Task Un_pago_confirmado_por_flow_se_registra_en_cartera_por_el_canal_portal_y_salda_el_documento()
    {
        var doc = (await FacturaAsync(1, 119_000m, Hoy.AddDays(-30), Hoy.AddDays(-5))).Id();
        var enlace = await EnlaceAsync(doc);
        Assert.That((string)enlace["estado"]!, Is.EqualTo("activo"));
        Assert.That((decimal)enlace["monto"]!, Is.EqualTo(119_000m));
        Assert.That((string)enlace["url"]!, Does.StartWith(Flow.Url.AbsoluteUri + "app/web/pay.php?token="));
        var orden = Flow.OrdenDe(enlace.Id().Replace("-", ""));
        Assert.That(orden.UrlConfirmation, Is.EqualTo($"{ApiFactory.UrlPublica}/api/v1/integraciones/notificaciones/flow?enlace={enlace.Id().Replace("-", "")}"));
        Assert.That(orden.Amount, Is.EqualTo(119_000m));

        var respuestas = await Flow.PagarAsync(orden.Token);

        Assert.That(respuestas, Is.EqualTo(new[] { HttpStatusCode.OK }));
        var pagado = await LeerAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}");
        Assert.That((string)pagado["estado"]!, Is.EqualTo("pagado"));
        Assert.That((string)pagado["idPagoProveedor"]!, Is.EqualTo(orden.FlowOrder.ToString()));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
        var pagos = await PagosDelClienteAsync();
        Assert.That(pagos, Has.Count.EqualTo(1));
        Assert.That((string)pagos[0]!["canal"]!, Is.EqualTo("portal"));
        Assert.That((string)pagos[0]!["id"]!, Is.EqualTo((string)pagado["pagoId"]!));
        Assert.That((await NotificacionesAsync()).Select(n => n.Resultado), Is.EqualTo(new[] { "pagado" }));
    }

    [Test]
    public async Task Un_pago_rechazado_deja_el_enlace_rechazado_sin_pago_y_permite_otro_enlace()
    {
        var doc = (await FacturaAsync(2, 10_000m, Hoy.AddDays(-10), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);

        await Flow.RechazarAsync(TokenDe(enlace));

        Assert.That((string)(await LeerAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}"))["estado"]!, Is.EqualTo("rechazado"));
        Assert.That(await PagosDelClienteAsync(), Is.Empty);
        Assert.That(await SaldoAsync(doc), Is.EqualTo(10_000m));
        var otro = await EnlaceAsync(doc);
        Assert.That(otro.Id(), Is.Not.EqualTo(enlace.Id()));
    }

    [Test]
    public async Task Un_enlace_vencido_se_muestra_expirado_y_no_se_ofrece()
    {
        var doc = (await FacturaAsync(3, 10_000m, Hoy.AddDays(-10), Hoy)).Id();
        var enlace = await (await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { doc }, diasVigencia = 1 })).JsonAsync(201);

        Fixture.Reloj.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);

        Assert.That((string)(await LeerAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}"))["estado"]!, Is.EqualTo("expirado"));
        var activos = (JsonArray)(await LeerAsync($"/api/v1/integraciones/enlaces-pago?clienteId={ClienteId}&estado=activo"))["items"]!;
        Assert.That(activos, Is.Empty);
        var nuevo = await (await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { doc } })).JsonAsync(201);
        Assert.That(nuevo.Id(), Is.Not.EqualTo(enlace.Id()));
    }

    [Test]
    public async Task Una_confirmacion_repetida_registra_el_pago_una_sola_vez()
    {
        var doc = (await FacturaAsync(4, 30_000m, Hoy.AddDays(-10), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);
        var token = TokenDe(enlace);

        await Flow.PagarAsync(token);
        Assert.That(await Flow.RepetirConfirmacionAsync(token), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await PagosDelClienteAsync(), Has.Count.EqualTo(1));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
        Assert.That((await NotificacionesAsync()).Select(n => n.Resultado), Is.EqualTo(new[] { "pagado", "duplicada" }));
    }

    [Test]
    public async Task Confirmaciones_simultaneas_del_mismo_pago_lo_registran_una_sola_vez()
    {
        var doc = (await FacturaAsync(5, 30_000m, Hoy.AddDays(-10), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);
        var token = TokenDe(enlace);
        Flow.PagarSinConfirmar(token);

        var respuestas = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Flow.RepetirConfirmacionAsync(token)));

        Assert.That(respuestas, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await PagosDelClienteAsync(), Has.Count.EqualTo(1));
        Assert.That((await NotificacionesAsync()).Count(n => n.Resultado == "pagado"), Is.EqualTo(1));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
    }

    [Test]
    public async Task Si_falla_la_consulta_de_estado_flow_reintenta_y_el_pago_se_registra()
    {
        var doc = (await FacturaAsync(6, 20_000m, Hoy.AddDays(-10), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);
        Flow.FallarConsultas(1);

        var respuestas = await Flow.PagarAsync(TokenDe(enlace));

        Assert.That(respuestas, Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
        Assert.That((await NotificacionesAsync()).Select(n => n.Resultado), Is.EqualTo(new[] { "error_consulta", "pagado" }));
    }

    [Test]
    public async Task La_revision_periodica_confirma_un_pago_cuya_notificacion_no_llego()
    {
        var doc = (await FacturaAsync(7, 20_000m, Hoy.AddDays(-10), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);
        Flow.FallarConsultas(Flow.IntentosConfirmacion);
        var respuestas = await Flow.PagarAsync(TokenDe(enlace));
        Assert.That(respuestas, Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(20_000m));

        var confirmados = await Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<RevisionEnlaces>().RevisarAsync(CancellationToken.None));

        Assert.That(confirmados, Is.EqualTo(1));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
        Assert.That((string)(await LeerAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}"))["estado"]!, Is.EqualTo("pagado"));
    }

    [Test]
    public async Task Una_confirmacion_falsa_no_cambia_nada_y_queda_registrada()
    {
        var doc = (await FacturaAsync(8, 20_000m, Hoy.AddDays(-10), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);
        var orden = Flow.OrdenDe(enlace.Id().Replace("-", ""));
        var otroDoc = (await FacturaAsync(9, 5_000m, Hoy.AddDays(-10), Hoy)).Id();
        var otro = await EnlaceAsync(otroDoc);
        Flow.PagarSinConfirmar(TokenDe(otro));

        // A made-up token, and the token of another (paid) link, posted to this link's confirmation URL.
        Assert.That(await Flow.ConfirmacionFalsaAsync(orden.UrlConfirmation, "TOKENINVENTADO"), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Flow.ConfirmacionFalsaAsync(orden.UrlConfirmation, TokenDe(otro)), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Flow.ConfirmacionFalsaAsync($"{ApiFactory.UrlPublica}/api/v1/integraciones/notificaciones/flow?enlace={Guid.NewGuid():N}", orden.Token),
            Is.EqualTo(HttpStatusCode.BadRequest));

        Assert.That((string)(await LeerAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}"))["estado"]!, Is.EqualTo("activo"));
        Assert.That(await PagosDelClienteAsync(), Is.Empty);
        Assert.That((await NotificacionesAsync()).Select(n => n.Resultado), Is.EqualTo(new[] { "rechazada", "rechazada" }));
    }

    [Test]
    public async Task Un_enlace_de_varios_documentos_aplica_el_pago_a_cada_uno()
    {
        var a = (await FacturaAsync(10, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10))).Id();
        var b = (await FacturaAsync(11, 25_000m, Hoy.AddDays(-20), Hoy.AddDays(5))).Id();
        var c = (await FacturaAsync(12, 7_000m, Hoy.AddDays(-20), Hoy.AddDays(5))).Id();
        var enlace = await EnlaceAsync(a, b);
        Assert.That((decimal)enlace["monto"]!, Is.EqualTo(35_000m));
        Assert.That(((JsonArray)enlace["documentos"]!).Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 10L, 11L }));

        await Flow.PagarAsync(TokenDe(enlace));

        Assert.That(await SaldoAsync(a), Is.EqualTo(0m));
        Assert.That(await SaldoAsync(b), Is.EqualTo(0m));
        Assert.That(await SaldoAsync(c), Is.EqualTo(7_000m));
        var porDocumento = (JsonArray)(await LeerAsync($"/api/v1/integraciones/enlaces-pago?documentoId={b}"))["items"]!;
        Assert.That(porDocumento.Select(e => (string)e!["id"]!), Is.EqualTo(new[] { enlace.Id() }));
    }

    [Test]
    public async Task Un_enlace_de_deuda_vencida_toma_solo_lo_vencido()
    {
        await FacturaAsync(13, 10_000m, Hoy.AddDays(-40), Hoy.AddDays(-10));
        await FacturaAsync(14, 4_000m, Hoy.AddDays(-40), Hoy.AddDays(-1));
        await FacturaAsync(15, 25_000m, Hoy.AddDays(-5), Hoy.AddDays(5));

        var enlace = await (await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, deudaVencida = true })).JsonAsync(201);

        Assert.That((string)enlace["alcance"]!, Is.EqualTo("deuda_vencida"));
        Assert.That((decimal)enlace["monto"]!, Is.EqualTo(14_000m));
        Assert.That(((JsonArray)enlace["documentos"]!).Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 13L, 14L }));
    }

    [Test]
    public async Task Pedir_otra_vez_un_enlace_para_los_mismos_documentos_devuelve_el_activo()
    {
        var a = (await FacturaAsync(16, 10_000m, Hoy.AddDays(-40), Hoy)).Id();
        var b = (await FacturaAsync(17, 10_000m, Hoy.AddDays(-40), Hoy)).Id();
        var enlace = await EnlaceAsync(a, b);

        var otra = await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { b, a } });
        var simultaneas = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { a } })));

        Assert.That((await otra.JsonAsync(200)).Id(), Is.EqualTo(enlace.Id()));
        var ids = new List<string>();
        foreach (var r in simultaneas)
            ids.Add((await r.JsonAsync((int)r.StatusCode)).Id());
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
        Assert.That(simultaneas.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(Flow.Ordenes.Count(o => o.CommerceOrder == ids[0].Replace("-", "")), Is.EqualTo(1));
    }

    [Test]
    public async Task Anular_un_enlace_lo_deja_de_ofrecer_pero_un_pago_hecho_igual_se_registra()
    {
        var doc = (await FacturaAsync(18, 10_000m, Hoy.AddDays(-40), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);

        var anulado = await (await Api.PostAsJsonAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}/anular", new { })).JsonAsync();
        Assert.That((string)anulado["estado"]!, Is.EqualTo("anulado"));
        await (await Api.PostAsJsonAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}/anular", new { })).ProblemaAsync(422);

        await Flow.PagarAsync(TokenDe(enlace));
        Assert.That(await SaldoAsync(doc), Is.EqualTo(0m));
        Assert.That((string)(await LeerAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}"))["estado"]!, Is.EqualTo("pagado"));
    }

    [Test]
    public async Task Otra_empresa_no_ve_ni_anula_ni_cobra_el_enlace()
    {
        var doc = (await FacturaAsync(19, 10_000m, Hoy.AddDays(-40), Hoy)).Id();
        var enlace = await EnlaceAsync(doc);
        var otra = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var api = await Fixture.ClienteHttpAsync(otra);
        await ActivarFlowAsync(api);

        await (await api.GetAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}")).ProblemaAsync(404);
        await (await api.PostAsJsonAsync($"/api/v1/integraciones/enlaces-pago/{enlace.Id()}/anular", new { })).ProblemaAsync(404);
        Assert.That((JsonArray)(await (await api.GetAsync($"/api/v1/integraciones/enlaces-pago?clienteId={ClienteId}")).JsonAsync())["items"]!, Is.Empty);
        var ajeno = await api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { doc }, emailPagador = "a@b.cl" });
        await ajeno.ProblemaAsync(404);
    }

    [Test]
    public async Task Un_documento_sin_saldo_o_de_otro_cliente_no_entra_en_un_enlace()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var ajeno = (await FacturaAsync(20, 10_000m, Hoy.AddDays(-40), Hoy, otroCliente)).Id();
        var r = await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { ajeno } });
        var problema = await r.ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Does.Contain("documentoIds[0]"));

        var sinDeuda = await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, deudaVencida = true });
        await sinDeuda.ProblemaAsync(422);
        var ambos = await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, deudaVencida = true, documentoIds = new[] { ajeno } });
        await ambos.ProblemaAsync(400);
        var nulo = await Api.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago", new { clienteId = ClienteId, documentoIds = new[] { ajeno }, emailPagador = "a\0@b.cl" });
        await nulo.ProblemaAsync(400);
    }
}
