using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Integraciones.Webhooks;
using Cobranzas.Platform.Correo;
using Cobranzas.Simuladores;
using Cobranzas.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Tests.Webhooks;

/// <summary>Outbound webhooks end to end: a business event in a module, the outbox, the signed POST to a receiver on loopback.</summary>
public sealed class WebhooksTests : PruebaIntegraciones
{
    private ReceptorWebhooks receptor = null!;

    [SetUp]
    public async Task IniciarReceptorAsync()
    {
        receptor = new ReceptorWebhooks { Reloj = () => Fixture.Reloj.GetUtcNow() };
        await receptor.IniciarAsync();
    }

    [TearDown]
    public async Task DetenerReceptorAsync() => await receptor.DisposeAsync();

    private async Task<JsonNode> SuscribirAsync(params string[] eventos)
    {
        var r = await (await Api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url = receptor.Destino.ToString(), descripcion = "ERP", eventos })).JsonAsync(201);
        receptor.Secreto = (string)r["secreto"]!;
        return r["suscripcion"]!;
    }

    private static Task<int> DrenarAsync() => Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<DrenadorWebhooks>().DrenarAsync(CancellationToken.None));

    private async Task<JsonNode> EntregasAsync(string suscripcionId, string? estado = null) =>
        await (await Api.GetAsync($"/api/v1/integraciones/webhooks/{suscripcionId}/entregas?tamanoPagina=200{(estado is null ? "" : $"&estado={estado}")}")).JsonAsync();

    [Test]
    public async Task Documento_creado_llega_firmado_y_el_receptor_verifica_la_firma_con_el_esquema_documentado()
    {
        var s = await SuscribirAsync("documento.creado");
        var doc = await FacturaAsync(101, 50_000m, Hoy.AddDays(-5), Hoy.AddDays(25));

        Assert.That(await DrenarAsync(), Is.EqualTo(1));

        var r = receptor.Recibidos.Single();
        Assert.That(r.FirmaValida, Is.True);
        Assert.That(r.Tipo, Is.EqualTo("documento.creado"));
        Assert.That((string?)r.Cuerpo["id"], Is.EqualTo(r.EventoId));
        Assert.That((string?)r.Cuerpo["empresaId"], Is.EqualTo(Empresa.Id.ToString()));
        Assert.That((string?)r.Cuerpo["datos"]!["id"], Is.EqualTo((string?)doc["id"]));
        Assert.That((long?)r.Cuerpo["datos"]!["folio"], Is.EqualTo(101));
        Assert.That((decimal?)r.Cuerpo["datos"]!["total"], Is.EqualTo(50_000m));
        var entrega = (await EntregasAsync((string)s["id"]!))["items"]![0]!;
        Assert.That((string?)entrega["estado"], Is.EqualTo("entregada"));
        Assert.That((int?)entrega["ultimoCodigo"], Is.EqualTo(200));
        Assert.That((string?)entrega["eventoId"], Is.EqualTo(r.EventoId));

        // The same body under another secret does not verify: the signature is really keyed.
        receptor.Secreto = "whsec_otro";
        Assert.That(receptor.FirmaValida($"t={Fixture.Reloj.GetUtcNow().ToUnixTimeSeconds()},v1=00", r.Cuerpo.ToJsonString()), Is.False);
    }

    [Test]
    public async Task Tras_un_500_se_reintenta_con_espera_y_se_entrega_una_sola_vez()
    {
        var s = await SuscribirAsync("documento.creado");
        receptor.FallarSiguientes(1);
        await FacturaAsync(102, 10_000m, Hoy, Hoy.AddDays(30));

        Assert.That(await DrenarAsync(), Is.EqualTo(0));
        var pendiente = (await EntregasAsync((string)s["id"]!))["items"]![0]!;
        Assert.That((string?)pendiente["estado"], Is.EqualTo("pendiente"));
        Assert.That((int?)pendiente["ultimoCodigo"], Is.EqualTo(500));
        Assert.That((int?)pendiente["intentos"], Is.EqualTo(1));

        // Not due yet: the backoff is the outbox's next-attempt time, not a loop.
        Assert.That(await DrenarAsync(), Is.EqualTo(0));
        Fixture.Reloj.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await DrenarAsync(), Is.EqualTo(1));
        Assert.That(await DrenarAsync(), Is.EqualTo(0));

        Assert.That(receptor.Recibidos.Select(r => r.Respondido), Is.EqualTo(new[] { 500, 200 }));
        Assert.That(receptor.Recibidos.Select(r => r.EventoId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(receptor.Aceptados.Values, Is.EqualTo(new[] { 1 }));
        var detalle = await (await Api.GetAsync($"/api/v1/integraciones/webhooks/entregas/{pendiente["id"]}")).JsonAsync();
        Assert.That(detalle["intentos"]!.AsArray().Select(i => (int?)i!["codigoEstado"]), Is.EqualTo(new int?[] { 500, 200 }));
        Assert.That((string?)detalle["intentos"]![0]!["respuesta"], Does.Contain("fallo simulado"));
        Assert.That((string?)detalle["entrega"]!["estado"], Is.EqualTo("entregada"));
    }

    [TestCase("http://10.1.2.3/webhooks")]
    [TestCase("https://192.168.0.10/webhooks")]
    [TestCase("https://172.20.0.1/webhooks")]
    [TestCase("http://169.254.169.254/latest/meta-data")]
    [TestCase("https://100.64.0.1/")]
    [TestCase("https://[::1]/webhooks")]
    [TestCase("https://[fd00::1]/webhooks")]
    [TestCase("https://0.0.0.0/webhooks")]
    [TestCase("https://127.0.0.2/webhooks")]
    public async Task Una_direccion_interna_se_rechaza_al_suscribir(string url)
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url, eventos = new[] { "pago.registrado" } })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "url" }));
        Assert.That((await (await Api.GetAsync("/api/v1/integraciones/webhooks")).JsonAsync()).AsArray(), Is.Empty);
    }

    [Test]
    public async Task Sin_la_lista_de_permitidos_no_se_envia_a_una_direccion_interna_aunque_la_suscripcion_exista()
    {
        var s = await SuscribirAsync("documento.creado");
        await FacturaAsync(103, 1_000m, Hoy, Hoy.AddDays(30));
        var configuracion = Fixture.Factory.Services.GetRequiredService<IConfiguration>();
        configuracion[$"{DestinosWebhook.SeccionPermitidos}:0"] = "";
        try
        {
            Assert.That(await DrenarAsync(), Is.EqualTo(0));
        }
        finally
        {
            configuracion[$"{DestinosWebhook.SeccionPermitidos}:0"] = "127.0.0.1";
        }

        Assert.That(receptor.Recibidos, Is.Empty);
        var entrega = (await EntregasAsync((string)s["id"]!))["items"]![0]!;
        Assert.That((string?)entrega["estado"], Is.EqualTo("pendiente"));
        Assert.That((string?)entrega["ultimoDetalle"], Does.StartWith("Destino no permitido"));
    }

    [Test]
    public async Task Un_lote_de_documentos_se_reparte_a_las_suscripciones_del_evento_y_llega_cada_uno_una_vez()
    {
        var creados = await SuscribirAsync("documento.creado", "pago.registrado");
        var otra = await (await Api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url = receptor.Destino.ToString(), eventos = new[] { "pago.registrado" } })).JsonAsync(201);
        var documentos = Enumerable.Range(1, 300).Select(i => (object)new
        {
            tipo = "33", folio = 5_000 + i, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy.AddDays(30)), moneda = "CLP", neto = 1_000m + i, exento = 0m, iva = 0m,
            total = 1_000m + i,
        }).ToArray();

        var lote = await (await Api.PostAsJsonAsync("/api/v1/documentos/lote", documentos)).JsonAsync();

        Assert.That((int?)lote["creados"], Is.EqualTo(300));
        Assert.That((int?)(await EntregasAsync((string)creados["id"]!))["total"], Is.EqualTo(300));
        Assert.That((int?)(await EntregasAsync((string)otra["suscripcion"]!["id"]!))["total"], Is.EqualTo(0));
        Assert.That(await DrenarAsync(), Is.EqualTo(300));
        Assert.That(receptor.Aceptados, Has.Count.EqualTo(300));
        Assert.That(receptor.Aceptados.Values.All(n => n == 1), Is.True);
        Assert.That(receptor.Recibidos.All(r => r.FirmaValida), Is.True);
        Assert.That(receptor.Recibidos.Select(r => (long)r.Cuerpo["datos"]!["folio"]!).Order(), Is.EqualTo(Enumerable.Range(5_001, 300).Select(i => (long)i)));

        // The same batch again creates nothing, so it publishes nothing.
        await (await Api.PostAsJsonAsync("/api/v1/documentos/lote", documentos)).JsonAsync();
        Assert.That((int?)(await EntregasAsync((string)creados["id"]!))["total"], Is.EqualTo(300));
    }

    [Test]
    public async Task Tras_fallar_un_dia_la_suscripcion_se_desactiva_y_los_administradores_reciben_un_correo()
    {
        var s = await SuscribirAsync("documento.creado");
        receptor.FallarSiguientes(100, 503);
        await FacturaAsync(104, 1_000m, Hoy, Hoy.AddDays(30));

        for (var i = 0; i < 6; i++)
        {
            await DrenarAsync();
            Fixture.Reloj.Advance(TimeSpan.FromHours(6));
        }

        Api = await Fixture.ClienteHttpAsync(Empresa);

        var suscripcion = await (await Api.GetAsync($"/api/v1/integraciones/webhooks/{s["id"]}")).JsonAsync();
        Assert.That((bool?)suscripcion["activa"], Is.False);
        Assert.That(suscripcion["desactivadaAutomaticamente"], Is.Not.Null);
        Assert.That(receptor.Recibidos, Has.Count.EqualTo(5));
        Assert.That(receptor.Recibidos.All(r => r.Respondido == 503), Is.True);

        await Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<DespachadorCorreos>().EnviarPendientesAsync(CancellationToken.None));
        var correo = await Fixture.Correo.EsperarCorreoAsync(Empresa.EmailAdmin);
        Assert.That(correo.Asunto, Is.EqualTo("Webhook desactivado por fallos repetidos"));
        Assert.That(correo.Texto, Does.Contain(receptor.Destino.ToString()));

        // Disabled: nothing more goes out, and a replay is refused until it is reactivated.
        Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        await DrenarAsync();
        Assert.That(receptor.Recibidos, Has.Count.EqualTo(5));
        var entrega = (await EntregasAsync((string)s["id"]!))["items"]![0]!;
        await (await Api.PostAsync($"/api/v1/integraciones/webhooks/entregas/{entrega["id"]}/reenviar", null)).ProblemaAsync(409);

        receptor.Limpiar();
        var reactivada = await (await Api.PutAsJsonAsync($"/api/v1/integraciones/webhooks/{s["id"]}",
            new { url = receptor.Destino.ToString(), eventos = new[] { "documento.creado" }, activa = true })).JsonAsync();
        Assert.That((int?)reactivada["fallosConsecutivos"], Is.EqualTo(0));
        Assert.That(await DrenarAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Reenviar_una_entrega_manda_el_mismo_evento_otra_vez_con_firma_nueva()
    {
        var s = await SuscribirAsync("documento.creado");
        await FacturaAsync(105, 1_000m, Hoy, Hoy.AddDays(30));
        await DrenarAsync();
        var entrega = (await EntregasAsync((string)s["id"]!))["items"]![0]!;
        Fixture.Reloj.Advance(TimeSpan.FromMinutes(10));

        var detalle = await (await Api.PostAsync($"/api/v1/integraciones/webhooks/entregas/{entrega["id"]}/reenviar", null)).JsonAsync();

        Assert.That((string?)detalle["entrega"]!["estado"], Is.EqualTo("entregada"));
        Assert.That(detalle["intentos"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(receptor.Recibidos, Has.Count.EqualTo(2));
        Assert.That(receptor.Recibidos.All(r => r.FirmaValida), Is.True);
        Assert.That(receptor.Recibidos.Select(r => r.EventoId).Distinct().Single(), Is.EqualTo((string?)entrega["eventoId"]));
        Assert.That(receptor.Recibidos[0].Cuerpo.ToJsonString(), Is.EqualTo(receptor.Recibidos[1].Cuerpo.ToJsonString()));
        await (await Api.PostAsync($"/api/v1/integraciones/webhooks/entregas/{Guid.NewGuid()}/reenviar", null)).ProblemaAsync(404);
    }

    [Test]
    public async Task El_secreto_solo_se_muestra_al_crear_y_al_rotar()
    {
        var creada = await (await Api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url = receptor.Destino.ToString(), eventos = new[] { "pago.registrado" } })).JsonAsync(201);
        var secreto = (string)creada["secreto"]!;
        var id = (string)creada["suscripcion"]!["id"]!;
        Assert.That(secreto, Does.StartWith("whsec_").And.Length.GreaterThan(30));

        var lista = await (await Api.GetAsync("/api/v1/integraciones/webhooks")).Content.ReadAsStringAsync();
        var una = await (await Api.GetAsync($"/api/v1/integraciones/webhooks/{id}")).Content.ReadAsStringAsync();
        Assert.That(lista, Does.Not.Contain(secreto).And.Not.Contain("secreto"));
        Assert.That(una, Does.Not.Contain(secreto).And.Not.Contain("secreto"));

        var rotada = await (await Api.PostAsync($"/api/v1/integraciones/webhooks/{id}/rotar-secreto", null)).JsonAsync();
        var nuevo = (string)rotada["secreto"]!;
        Assert.That(nuevo, Is.Not.EqualTo(secreto));

        // The test event is signed with the new secret only.
        receptor.Secreto = secreto;
        var conViejo = await (await Api.PostAsync($"/api/v1/integraciones/webhooks/{id}/prueba", null)).JsonAsync();
        Assert.That((int?)conViejo["entrega"]!["ultimoCodigo"], Is.EqualTo(400));
        receptor.Secreto = nuevo;
        var prueba = await (await Api.PostAsync($"/api/v1/integraciones/webhooks/{id}/prueba", null)).JsonAsync();
        Assert.That((string?)prueba["entrega"]!["estado"], Is.EqualTo("entregada"));
        Assert.That((string?)prueba["entrega"]!["tipo"], Is.EqualTo("webhook.prueba"));
        Assert.That(prueba["intentos"]![0]!["duracionMs"], Is.Not.Null);
        var auditoria = await (await Api.GetAsync("/api/v1/auditoria?tamanoPagina=200")).Content.ReadAsStringAsync();
        Assert.That(auditoria, Does.Not.Contain(secreto).And.Not.Contain(nuevo));
    }

    [Test]
    public async Task Las_suscripciones_y_entregas_de_otra_empresa_no_se_ven()
    {
        var s = await SuscribirAsync("documento.creado");
        await FacturaAsync(106, 1_000m, Hoy, Hoy.AddDays(30));
        var entrega = (await EntregasAsync((string)s["id"]!))["items"]![0]!;
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));

        Assert.That((await (await otra.GetAsync("/api/v1/integraciones/webhooks")).JsonAsync()).AsArray(), Is.Empty);
        await (await otra.GetAsync($"/api/v1/integraciones/webhooks/{s["id"]}")).ProblemaAsync(404);
        await (await otra.GetAsync($"/api/v1/integraciones/webhooks/{s["id"]}/entregas")).ProblemaAsync(404);
        await (await otra.GetAsync($"/api/v1/integraciones/webhooks/entregas/{entrega["id"]}")).ProblemaAsync(404);
        await (await otra.PostAsync($"/api/v1/integraciones/webhooks/entregas/{entrega["id"]}/reenviar", null)).ProblemaAsync(404);
        await (await otra.DeleteAsync($"/api/v1/integraciones/webhooks/{s["id"]}")).ProblemaAsync(404);
        // Nor do its events reach this company's subscribers.
        await otra.CrearClienteAsync();
        Assert.That((int?)(await EntregasAsync((string)s["id"]!))["total"], Is.EqualTo(1));
    }

    [Test]
    public async Task Un_pago_que_salda_un_documento_publica_pago_registrado_y_documento_pagado_y_su_reversa_pago_reversado()
    {
        await SuscribirAsync("pago.registrado", "documento.pagado", "pago.reversado");
        var doc = await FacturaAsync(107, 20_000m, Hoy.AddDays(-10), Hoy.AddDays(20));
        var pago = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 20_000m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica",
        })).JsonAsync(201);
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{pago["aplicaciones"]![0]!["id"]}/reversar", new { motivo = "Transferencia devuelta" })).JsonAsync();

        Assert.That(await DrenarAsync(), Is.EqualTo(3));
        var porTipo = receptor.Recibidos.ToDictionary(r => r.Tipo, r => r.Cuerpo["datos"]!);
        Assert.That(porTipo.Keys, Is.EquivalentTo(new[] { "pago.registrado", "documento.pagado", "pago.reversado" }));
        Assert.That((string?)porTipo["documento.pagado"]["id"], Is.EqualTo((string?)doc["id"]));
        Assert.That((decimal?)porTipo["documento.pagado"]["saldo"], Is.EqualTo(0m));
        Assert.That((string?)porTipo["pago.registrado"]["id"], Is.EqualTo((string?)pago["id"]));
        Assert.That((string?)porTipo["pago.reversado"]["pagoId"], Is.EqualTo((string?)pago["id"]));
    }

    [Test]
    public async Task Un_lote_de_pagos_publica_cada_pago_registrado_y_cada_documento_que_salda_una_sola_vez()
    {
        await SuscribirAsync("pago.registrado", "documento.pagado");
        var saldado = await FacturaAsync(108, 10_000m, Hoy.AddDays(-30), Hoy.AddDays(-10));
        var abierto = await FacturaAsync(109, 20_000m, Hoy.AddDays(-20), Hoy.AddDays(10));
        var pagos = new[] { 10_000m, 5_000m, 1_000m }
            .Select((monto, i) => new { clienteId = ClienteId, fecha = F(Hoy), monto, moneda = "CLP", canal = "transferencia", referencia = $"LOTE-{i}", aplicacion = "automatica" })
            .ToArray();

        var lote = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", pagos)).JsonAsync();
        await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", pagos)).JsonAsync();

        Assert.That(((int?)lote["creados"], (decimal?)lote["montoAplicado"]), Is.EqualTo(((int?)3, (decimal?)16_000m)));
        Assert.That(await DrenarAsync(), Is.EqualTo(4));
        var registrados = receptor.Recibidos.Where(r => r.Tipo == "pago.registrado").Select(r => r.Cuerpo["datos"]!).ToList();
        Assert.That(registrados.Select(p => (string)p["referencia"]!).Order(), Is.EqualTo(new[] { "LOTE-0", "LOTE-1", "LOTE-2" }));
        Assert.That(registrados.Single(p => (string)p["referencia"]! == "LOTE-0")["aplicaciones"]![0]!["documentoId"]!.ToString(), Is.EqualTo(saldado["id"]!.ToString()));
        var pagados = receptor.Recibidos.Where(r => r.Tipo == "documento.pagado").Select(r => (string)r.Cuerpo["datos"]!["id"]!).ToList();
        Assert.That(pagados, Is.EqualTo(new[] { (string)saldado["id"]! }));
        Assert.That(pagados, Does.Not.Contain((string)abierto["id"]!));
    }

    [Test]
    public async Task Importar_clientes_publica_cliente_creado_solo_por_los_nuevos()
    {
        await SuscribirAsync("cliente.creado");
        const string encabezado = "rut,razonSocial,nombreFantasia,giro,direccion,comuna,region,segmento,cuentaClave,contactoNombre,contactoCargo,contactoEmail,contactoTelefono,contactoRol";
        var csv = string.Join("\n", encabezado, "76086428-5,Comercial Andes SpA,,,,,,Corporativo,sí,,,,,", "12531909-2,Ferretería Sur Ltda,,,,,,Retail,no,,,,,") + "\n";

        for (var vez = 0; vez < 2; vez++)
        {
            using var formulario = new MultipartFormDataContent();
            var archivo = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
            archivo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            formulario.Add(archivo, "archivo", "clientes.csv");
            await (await Api.PostAsync("/api/v1/importaciones/clientes", formulario)).JsonAsync();
        }

        Assert.That(await DrenarAsync(), Is.EqualTo(2));
        Assert.That(receptor.Recibidos.Select(r => (r.Tipo, (string)r.Cuerpo["datos"]!["razonSocial"]!)).OrderBy(x => x.Item2),
            Is.EqualTo(new[] { ("cliente.creado", "Comercial Andes SpA"), ("cliente.creado", "Ferretería Sur Ltda") }));
        Assert.That((string?)receptor.Recibidos[0].Cuerpo["datos"]!["segmento"], Is.AnyOf("Corporativo", "Retail"));
    }

    [Test]
    public async Task Suscribir_valida_eventos_url_y_caracter_nulo()
    {
        var malos = await (await Api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url = "ftp://x", eventos = new[] { "documento.inventado" } })).ProblemaAsync(400);
        Assert.That(malos.CamposConError(), Is.EquivalentTo(new[] { "url", "eventos[0]" }));
        var vacios = await (await Api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url = receptor.Destino.ToString(), eventos = Array.Empty<string>() })).ProblemaAsync(400);
        Assert.That(vacios.CamposConError(), Is.EqualTo(new[] { "eventos" }));
        var nulo = await (await Api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url = receptor.Destino.ToString(), descripcion = "a\0b", eventos = new[] { "pago.registrado" } }))
            .ProblemaAsync(400);
        Assert.That(nulo.CamposConError(), Is.EqualTo(new[] { "descripcion" }));
        var catalogo = await (await Api.GetAsync("/api/v1/integraciones/webhooks/eventos")).JsonAsync();
        Assert.That(catalogo.AsArray().Select(e => (string?)e!["tipo"]), Is.SupersetOf(new[]
        {
            "documento.creado", "documento.pagado", "pago.registrado", "pago.reversado", "compromiso.incumplido", "disputa.abierta", "cliente.suspendido", "notificacion.rebotada",
        }));
    }

    [Test]
    public async Task Un_cobrador_no_administra_webhooks()
    {
        var cobrador = await Fixture.CrearUsuarioAsync(Empresa, Cobranzas.SharedKernel.Tenancy.Roles.Cobrador);
        var api = await Fixture.IniciarSesionAsync(cobrador.Email, cobrador.Password, Empresa.Id);

        Assert.That((await api.GetAsync("/api/v1/integraciones/webhooks")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await api.PostAsJsonAsync("/api/v1/integraciones/webhooks", new { url = receptor.Destino.ToString(), eventos = new[] { "pago.registrado" } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
