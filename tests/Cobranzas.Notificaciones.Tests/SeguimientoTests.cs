using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Seguimiento;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cobranzas.Notificaciones.Tests;

/// <summary>Tracking, unsubscribe, bounces and replies of sent messages, through the public links and a real IMAP mailbox (dovecot).</summary>
public sealed class SeguimientoTests : PruebaNotificaciones
{
    private const string Destino = "https://pagos.ejemplo.cl/pagar?x=1";

    [SetUp]
    public Task VaciarBuzonAsync() => Fixture.Imap.VaciarAsync();

    /// <summary>A message as the sender leaves it once the SMTP server accepted it.</summary>
    private async Task<Envio> EnvioAsync(
        EmpresaPrueba? empresa = null, string? clienteId = null, IReadOnlyList<string>? contactoIds = null, string estado = EstadosEnvio.Enviado, TimeSpan? haceCuanto = null,
        Guid? definicionId = null, DateOnly? fecha = null, Action<Envio>? ajustar = null)
    {
        empresa ??= Empresa;
        var ahora = Fixture.Reloj.GetUtcNow();
        var envio = new Envio
        {
            ClienteId = Guid.Parse(clienteId ?? ClienteId), Clave = $"prueba:{Guid.NewGuid():N}", Origen = OrigenesEnvio.Programado, FechaNegocio = fecha ?? Hoy,
            DefinicionId = definicionId, Para = ["María Pérez <maria.perez@cliente.test>"], ContactoIds = contactoIds?.Select(Guid.Parse).ToList() ?? [],
            Asunto = "Documentos vencidos", Html = "<p>Estimada María, su deuda vencida es <strong>$834.000</strong>.</p>", Texto = "Estimada María",
            MessageId = $"{Guid.NewGuid():N}@cobranzas.test", Estado = estado, Creado = ahora - (haceCuanto ?? TimeSpan.FromHours(1)),
            Enviado = estado == EstadosEnvio.Enviado ? ahora - (haceCuanto ?? TimeSpan.FromHours(1)) : null,
        };
        ajustar?.Invoke(envio);
        await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa.Id, "pruebas");
            var db = sp.GetRequiredService<NotificacionesDbContext>();
            db.Envios.Add(envio);
            await db.SaveChangesAsync();
        });
        return envio;
    }

    private static Task<T> EnEmpresaAsync<T>(EmpresaPrueba empresa, Func<IServiceProvider, Task<T>> accion) => Fixture.EnAmbitoAsync(sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa.Id, "pruebas");
        return accion(sp);
    });

    private Task<(string Apertura, string Clic, string Baja)> EnlacesAsync(Guid envioId) => EnEmpresaAsync(Empresa, sp =>
    {
        var enlaces = sp.GetRequiredService<IEnlacesCorreo>();
        return Task.FromResult((enlaces.Apertura(Empresa.Id, envioId), enlaces.Clic(Empresa.Id, envioId, Destino), enlaces.Baja(Empresa.Id, envioId)));
    });

    private static HttpClient Anonimo() => Fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string Ruta(string url) => new Uri(url).PathAndQuery;

    private async Task<JsonNode> DetalleAsync(Guid envioId) => await (await Api.GetAsync($"/api/v1/notificaciones/envios/{envioId}")).JsonAsync();

    private static Task<ResultadoLectura> LeerBuzonAsync() => Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<LectorRespuestas>().LeerAsync(CancellationToken.None));

    private static MimeMessage Respuesta(Envio envio, string asunto = "RE: Documentos vencidos", string texto = "Hola, pagamos la factura ayer; adjunto comprobante.",
        string de = "maria.perez@cliente.test")
    {
        var m = new MimeMessage { Subject = asunto, Date = Fixture.Reloj.GetUtcNow(), MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("cliente.test") };
        m.From.Add(new MailboxAddress("María Pérez", de));
        m.To.Add(new MailboxAddress("Cobranzas", "respuestas@cobranzas.test"));
        m.InReplyTo = envio.MessageId;
        m.References.Add(envio.MessageId);
        m.Body = new TextPart("plain") { Text = texto };
        return m;
    }

    [Test]
    public async Task Apertura_clic_y_baja_funcionan_sin_sesion_con_el_token_firmado()
    {
        var contacto = await Api.CrearContactoAsync(ClienteId);
        var envio = await EnvioAsync(contactoIds: [contacto.Id()]);
        var (apertura, clic, baja) = await EnlacesAsync(envio.Id);
        Assert.That(apertura, Does.StartWith(ApiFactory.UrlPublica + "/api/v1/notificaciones/publico/apertura/"));
        var anonimo = Anonimo();

        var pixel = await anonimo.GetAsync(Ruta(apertura));
        Assert.That(pixel.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(pixel.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/gif"));
        Assert.That((await pixel.Content.ReadAsByteArrayAsync())[..3], Is.EqualTo("GIF"u8.ToArray()));

        var redireccion = await anonimo.GetAsync(Ruta(clic));
        Assert.That(redireccion.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(redireccion.Headers.Location?.ToString(), Is.EqualTo(Destino));

        var pagina = await anonimo.GetAsync(Ruta(baja));
        Assert.That(pagina.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await pagina.Content.ReadAsStringAsync(), Does.Contain("Confirmar la anulación").And.Contain("<form method=\"post\">"));
        var contactoAntes = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/contactos")).JsonAsync();
        Assert.That((bool)contactoAntes[0]!["optOutEmail"]!, Is.False, "ver la página no da de baja");

        var unClic = await anonimo.PostAsync(Ruta(baja), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.That(unClic.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await unClic.Content.ReadAsStringAsync(), Does.Contain("Suscripción anulada"));
        var contactos = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/contactos")).JsonAsync();
        Assert.That((bool)contactos[0]!["optOutEmail"]!, Is.True);
        Assert.That((await anonimo.PostAsync(Ruta(baja), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "repetir es inocuo");

        var detalle = await DetalleAsync(envio.Id);
        Assert.That(detalle["envio"]!["abierto"], Is.Not.Null);
        Assert.That((bool)detalle["envio"]!["aperturaProbableAutomatica"]!, Is.False);
        Assert.That(detalle["envio"]!["clic"], Is.Not.Null);
        Assert.That(detalle["eventos"]!.AsArray().Select(e => (string)e!["tipo"]!), Is.EqualTo(new[] { "apertura", "clic", "baja" }));
        Assert.That((string)detalle["eventos"]![1]!["detalle"]!, Is.EqualTo(Destino));
    }

    [Test]
    public async Task Un_token_falsificado_o_alterado_no_cambia_nada()
    {
        var contacto = await Api.CrearContactoAsync(ClienteId);
        var envio = await EnvioAsync(contactoIds: [contacto.Id()]);
        var (apertura, clic, baja) = await EnlacesAsync(envio.Id);
        var tokenBaja = baja[(baja.LastIndexOf('/') + 1)..];
        var alterado = tokenBaja[..20] + (tokenBaja[20] == 'A' ? 'B' : 'A') + tokenBaja[21..];
        var tokenApertura = apertura[(apertura.LastIndexOf('/') + 1)..];
        var anonimo = Anonimo();
        var antes = await Fixture.ContarFilasAsync();

        foreach (var token in new[] { alterado, tokenApertura, "no-es-un-token", new string('A', 300), "%E2%82%AC" })
        {
            var post = await anonimo.PostAsync($"/api/v1/notificaciones/publico/baja/{token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), token);
            Assert.That((await anonimo.GetAsync($"/api/v1/notificaciones/publico/baja/{token}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), token);
            Assert.That((await anonimo.GetAsync($"/api/v1/notificaciones/publico/clic/{token}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), token);
            if (token == tokenApertura)
                continue;
            var pixel = await anonimo.GetAsync($"/api/v1/notificaciones/publico/apertura/{token}");
            Assert.That(pixel.StatusCode, Is.EqualTo(HttpStatusCode.OK), "el pixel responde siempre");
            Assert.That(pixel.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/gif"));
        }

        // A click token signs its URL: another URL cannot be put in it.
        var tokenClic = clic[(clic.LastIndexOf('/') + 1)..];
        Assert.That((await anonimo.GetAsync($"/api/v1/notificaciones/publico/clic/{tokenClic}x")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
        var contactos = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/contactos")).JsonAsync();
        Assert.That((bool)contactos[0]!["optOutEmail"]!, Is.False);
        Assert.That((await DetalleAsync(envio.Id))["envio"]!["abierto"], Is.Null);
    }

    [Test]
    public async Task Los_enlaces_de_correos_enviados_con_tokens_de_data_protection_siguen_funcionando()
    {
        var contacto = await Api.CrearContactoAsync(ClienteId);
        var envio = await EnvioAsync(contactoIds: [contacto.Id()]);
        var proteccion = Fixture.Factory.Services.GetRequiredService<IDataProtectionProvider>();
        string Anterior(string tipo, string? url = null) => WebEncoders.Base64UrlEncode(
            proteccion.CreateProtector("Cobranzas.Notificaciones.Seguimiento", tipo).Protect(Encoding.UTF8.GetBytes($"{Empresa.Id:N}|{envio.Id:N}|{url}")));
        var (_, _, baja) = await EnlacesAsync(envio.Id);
        Assert.That(baja[(baja.LastIndexOf('/') + 1)..], Has.Length.LessThan(Anterior(TokensSeguimiento.Baja).Length), "los enlaces nuevos van firmados con HMAC, no cifrados");
        var anonimo = Anonimo();

        var redireccion = await anonimo.GetAsync($"/api/v1/notificaciones/publico/clic/{Anterior(TokensSeguimiento.Clic, Destino)}");
        Assert.That(redireccion.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(redireccion.Headers.Location?.ToString(), Is.EqualTo(Destino));
        Assert.That((await anonimo.PostAsync($"/api/v1/notificaciones/publico/baja/{Anterior(TokensSeguimiento.Apertura)}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "un token de apertura no da de baja");
        var unClic = await anonimo.PostAsync($"/api/v1/notificaciones/publico/baja/{Anterior(TokensSeguimiento.Baja)}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.That(unClic.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var contactos = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/contactos")).JsonAsync();
        Assert.That((bool)contactos[0]!["optOutEmail"]!, Is.True);
        Assert.That((await DetalleAsync(envio.Id))["eventos"]!.AsArray().Select(e => (string)e!["tipo"]!), Is.EqualTo(new[] { "clic", "baja" }));
    }

    [Test]
    public async Task Una_apertura_segundos_despues_del_envio_es_probable_automatica_y_una_posterior_no()
    {
        var envio = await EnvioAsync(haceCuanto: TimeSpan.FromSeconds(2));
        var (apertura, _, _) = await EnlacesAsync(envio.Id);
        await Anonimo().GetAsync(Ruta(apertura));
        var detalle = await DetalleAsync(envio.Id);
        Assert.That((bool)detalle["envio"]!["aperturaProbableAutomatica"]!, Is.True);
        Assert.That((string)detalle["eventos"]![0]!["detalle"]!, Does.StartWith("Probable apertura automática"));

        Fixture.Reloj.Advance(TimeSpan.FromMinutes(30));
        await Anonimo().GetAsync(Ruta(apertura));
        detalle = await DetalleAsync(envio.Id);
        Assert.That((bool)detalle["envio"]!["aperturaProbableAutomatica"]!, Is.False, "una persona lo abrió después");
        Assert.That(detalle["eventos"]!.AsArray(), Has.Count.EqualTo(2));
    }

    private static MimeMessage Rebote(Envio envio, string estado, string email)
    {
        var reporte = new MultipartReport("delivery-status");
        reporte.Add(new TextPart("plain") { Text = "Delivery to the following recipient failed permanently." });
        var dsn = new MessageDeliveryStatus();
        var grupoMensaje = new HeaderList { { "Reporting-MTA", "dns; mx.cliente.test" } };
        var grupoDestinatario = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {email}" }, { "Action", estado.StartsWith('5') ? "failed" : "delayed" }, { "Status", estado },
        };
        dsn.StatusGroups.Add(grupoMensaje);
        dsn.StatusGroups.Add(grupoDestinatario);
        reporte.Add(dsn);
        var original = new MimeMessage { Subject = envio.Asunto, MessageId = envio.MessageId };
        original.From.Add(new MailboxAddress("Cobranzas", "cobranzas@cobranzas.test"));
        original.To.Add(new MailboxAddress("María", email));
        original.Body = new TextPart("plain") { Text = "…" };
        reporte.Add(new TextRfc822Headers { Message = original });
        var m = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", Date = Fixture.Reloj.GetUtcNow(), MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mx.cliente.test") };
        m.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.cliente.test"));
        m.To.Add(new MailboxAddress("Cobranzas", "respuestas@cobranzas.test"));
        m.Headers.Add("Auto-Submitted", "auto-replied");
        m.Body = reporte;
        return m;
    }

    [Test]
    public async Task Un_rebote_permanente_marca_el_envio_y_el_email_del_contacto_y_uno_temporal_solo_se_registra()
    {
        var contacto = await Api.CrearContactoAsync(ClienteId, Datos.Contacto(email: "malo@cliente.test"));
        var otro = await Api.CrearContactoAsync(ClienteId, Datos.Contacto(nombre: "Pedro", email: "pedro@cliente.test"));
        var temporal = await EnvioAsync(contactoIds: [otro.Id()]);
        var envio = await EnvioAsync(contactoIds: [contacto.Id()]);
        await Fixture.Imap.EntregarAsync(Rebote(temporal, "4.2.2", "pedro@cliente.test"));
        await Fixture.Imap.EntregarAsync(Rebote(envio, "5.1.1", "malo@cliente.test"));

        var lectura = await LeerBuzonAsync();
        Assert.That(lectura.PorResultado, Is.EquivalentTo(new Dictionary<string, int> { ["rebote"] = 1, ["rebote_temporal"] = 1 }));

        var detalle = await DetalleAsync(envio.Id);
        Assert.That((string)detalle["envio"]!["estado"]!, Is.EqualTo("rebotado"));
        Assert.That(detalle["envio"]!["rebotado"], Is.Not.Null);
        Assert.That((string)detalle["envio"]!["detalle"]!, Does.Contain("5.1.1"));
        var soloEvento = await DetalleAsync(temporal.Id);
        Assert.That((string)soloEvento["envio"]!["estado"]!, Is.EqualTo("enviado"));
        Assert.That(soloEvento["eventos"]!.AsArray().Select(e => (string)e!["tipo"]!), Is.EqualTo(new[] { "rebote_temporal" }));

        var invalidos = await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "pruebas");
            var db = sp.GetRequiredService<Clientes.Persistencia.ClientesDbContext>();
            return db.Contactos.Where(c => c.EmailInvalido).Select(c => c.Email).ToList();
        });
        Assert.That(invalidos, Is.EqualTo(new[] { "malo@cliente.test" }));
        var rebotados = await (await Api.GetAsync("/api/v1/notificaciones/envios?rebotado=true")).JsonAsync();
        Assert.That(rebotados["items"]!.AsArray().Select(e => (string)e!["id"]!), Is.EqualTo(new[] { envio.Id.ToString() }));

        Assert.That((await LeerBuzonAsync()).Leidos, Is.Zero, "cada mensaje se procesa una vez");
    }

    [Test]
    public async Task Una_respuesta_por_imap_se_asocia_crea_actividad_y_tarea_y_se_acusa_una_vez_por_hilo()
    {
        await EnEmpresaAsync(Empresa, async sp =>
        {
            var db = sp.GetRequiredService<NotificacionesDbContext>();
            db.Configuraciones.Add(new ConfiguracionNotificaciones
            {
                AcuseRespuestas = true, NombreRemitente = "Cobranzas del Sur", PlantillaAcuse = "<p>Recibimos su mensaje «{{ asunto }}» de {{ cliente.nombre }}; su ejecutivo lo responderá.</p>",
            });
            return await db.SaveChangesAsync();
        });
        var envio = await EnvioAsync();
        var remitente = Fixture.EmailUnico("maria", "cliente.test");
        var primera = Respuesta(envio, de: remitente);
        await Fixture.Imap.EntregarAsync(primera);

        var lectura = await LeerBuzonAsync();
        Assert.That(lectura.PorResultado, Is.EquivalentTo(new Dictionary<string, int> { ["respuesta"] = 1 }));

        var detalle = await DetalleAsync(envio.Id);
        Assert.That(detalle["envio"]!["respondido"], Is.Not.Null);
        var respuestas = detalle["respuestas"]!.AsArray();
        Assert.That(respuestas, Has.Count.EqualTo(1));
        Assert.That((string)respuestas[0]!["texto"]!, Does.Contain("pagamos la factura ayer"));
        Assert.That((bool)respuestas[0]!["acuseEnviado"]!, Is.True);
        var respuestaId = (string)respuestas[0]!["id"]!;
        var vista = await (await Api.GetAsync($"/api/v1/notificaciones/respuestas/{respuestaId}")).JsonAsync();
        Assert.That((string)vista["envioId"]!, Is.EqualTo(envio.Id.ToString()));
        Assert.That((string)vista["de"]!, Is.EqualTo(remitente));

        var actividades = await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync();
        var actividad = actividades["items"]!.AsArray().Single()!;
        Assert.That((string)actividad["origen"]!, Is.EqualTo("correo_respuesta"));
        Assert.That((string)actividad["origenId"]!, Is.EqualTo(respuestaId));
        Assert.That((string)actividad["notas"]!, Does.Contain("pagamos la factura"));
        var tareas = await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}")).JsonAsync();
        Assert.That(tareas["items"]!.AsArray().Select(t => (string)t!["titulo"]!), Is.EqualTo(new[] { "Responder correo del cliente" }));

        var acuse = await Fixture.Correo.EsperarCorreoAsync(remitente);
        Assert.That(acuse.Asunto, Is.EqualTo("RE: Documentos vencidos"));
        Assert.That(acuse.Html, Does.Contain("Recibimos su mensaje «RE: Documentos vencidos»"));

        // A second reply in the same thread is recorded (another task) but not acknowledged again.
        var segunda = Respuesta(envio, asunto: "RE: Documentos vencidos", texto: "¿Recibieron el comprobante?", de: remitente);
        segunda.References.Add(primera.MessageId!);
        await Fixture.Imap.EntregarAsync(segunda);
        Assert.That((await LeerBuzonAsync()).PorResultado, Is.EquivalentTo(new Dictionary<string, int> { ["respuesta"] = 1 }));
        Assert.That((await DetalleAsync(envio.Id))["respuestas"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(await Fixture.Correo.CorreosParaAsync(remitente), Has.Count.EqualTo(1), "un acuse por hilo");
        Assert.That((await LeerBuzonAsync()).Leidos, Is.Zero);
    }

    [TestCase("Auto-Submitted", "auto-replied", "Re: Documentos vencidos")]
    [TestCase("X-Autoreply", "yes", "Re: Documentos vencidos")]
    [TestCase("Precedence", "auto_reply", "Re: Documentos vencidos")]
    [TestCase(null, null, "Fuera de la oficina: Documentos vencidos")]
    [TestCase(null, null, "Respuesta automática: Documentos vencidos")]
    public async Task Una_respuesta_automatica_no_es_una_respuesta(string? encabezado, string? valor, string asunto)
    {
        await EnEmpresaAsync(Empresa, async sp =>
        {
            var db = sp.GetRequiredService<NotificacionesDbContext>();
            db.Configuraciones.Add(new ConfiguracionNotificaciones { AcuseRespuestas = true, PlantillaAcuse = "<p>Recibido.</p>" });
            return await db.SaveChangesAsync();
        });
        var envio = await EnvioAsync();
        var remitente = Fixture.EmailUnico("ausente", "cliente.test");
        var m = Respuesta(envio, asunto: asunto, texto: "Estaré fuera hasta el lunes.", de: remitente);
        if (encabezado is not null)
            m.Headers.Add(encabezado, valor!);
        await Fixture.Imap.EntregarAsync(m);

        Assert.That((await LeerBuzonAsync()).PorResultado, Is.EquivalentTo(new Dictionary<string, int> { ["respuesta_automatica"] = 1 }));
        var detalle = await DetalleAsync(envio.Id);
        Assert.That(detalle["envio"]!["respondido"], Is.Null);
        Assert.That(detalle["eventos"]!.AsArray().Select(e => (string)e!["tipo"]!), Is.EqualTo(new[] { "respuesta_automatica" }));
        Assert.That((string)detalle["respuestas"]![0]!["tipo"]!, Is.EqualTo("respuesta_automatica"));
        Assert.That((await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray(), Is.Empty);
        Assert.That((await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}")).JsonAsync())["items"]!.AsArray(), Is.Empty);
        Assert.That(await Fixture.Correo.CorreosParaAsync(remitente), Is.Empty, "nunca se acusa una respuesta automática");
    }

    [Test]
    public async Task Una_respuesta_a_la_direccion_etiquetada_se_asocia_aunque_no_cite_el_mensaje()
    {
        var envio = await EnvioAsync();
        var m = Respuesta(envio);
        m.InReplyTo = null;
        m.References.Clear();
        m.To.Clear();
        m.To.Add(new MailboxAddress("Cobranzas", $"respuestas+{envio.Id:N}@cobranzas.test"));
        await Fixture.Imap.EntregarAsync(m);
        await Fixture.Imap.EntregarAsync(Respuesta(new Envio { Clave = "x", Origen = "x", Asunto = "x", Html = "x", MessageId = "desconocido@otro.test" }));

        Assert.That((await LeerBuzonAsync()).PorResultado, Is.EquivalentTo(new Dictionary<string, int> { ["respuesta"] = 1, ["sin_envio"] = 1 }));
        Assert.That((await DetalleAsync(envio.Id))["envio"]!["respondido"], Is.Not.Null);
    }

    [Test]
    public async Task La_bitacora_filtra_por_estado_fechas_y_seguimiento_y_resume_por_definicion()
    {
        var definicion = await EnEmpresaAsync(Empresa, async sp =>
        {
            var db = sp.GetRequiredService<NotificacionesDbContext>();
            var d = new DefinicionNotificacion { Tipo = TiposDefinicion.DocumentosVencidos, Asunto = "Documentos vencidos", Descripcion = "Vencidos semanal", Plantilla = "<p>x</p>" };
            db.Definiciones.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var abierto = await EnvioAsync(definicionId: definicion, ajustar: e => e.Abierto = Fixture.Reloj.GetUtcNow());
        var respondido = await EnvioAsync(definicionId: definicion, clienteId: otroCliente, ajustar: e => (e.Respondido, e.Clic) = (Fixture.Reloj.GetUtcNow(), Fixture.Reloj.GetUtcNow()));
        var fallido = await EnvioAsync(estado: EstadosEnvio.Fallido, definicionId: definicion, fecha: Hoy.AddDays(-3), ajustar: e => e.Detalle = "550 5.1.1 User unknown");
        var prueba = await EnvioAsync(fecha: Hoy.AddDays(-40));

        async Task<string[]> Ids(string consulta) =>
            (await (await Api.GetAsync($"/api/v1/notificaciones/envios{consulta}")).JsonAsync())["items"]!.AsArray().Select(e => (string)e!["id"]!).Order().ToArray();
        string[] Esperado(params Envio[] envios) => envios.Select(e => e.Id.ToString()).Order().ToArray();

        Assert.That(await Ids(""), Is.EqualTo(Esperado(abierto, respondido, fallido, prueba)));
        Assert.That(await Ids("?estado=fallido"), Is.EqualTo(Esperado(fallido)));
        Assert.That(await Ids("?abierto=true"), Is.EqualTo(Esperado(abierto)));
        Assert.That(await Ids("?respondido=true&clic=true"), Is.EqualTo(Esperado(respondido)));
        Assert.That(await Ids($"?clienteId={otroCliente}"), Is.EqualTo(Esperado(respondido)));
        Assert.That(await Ids($"?definicionId={definicion}&desde={F(Hoy.AddDays(-7))}&hasta={F(Hoy.AddDays(-1))}"), Is.EqualTo(Esperado(fallido)));
        var pagina = await (await Api.GetAsync("/api/v1/notificaciones/envios?tamanoPagina=2&pagina=2")).JsonAsync();
        Assert.That(((int)pagina["total"]!, pagina["items"]!.AsArray().Count), Is.EqualTo((4, 2)));
        var fila = (await (await Api.GetAsync("/api/v1/notificaciones/envios?estado=fallido")).JsonAsync())["items"]![0]!;
        Assert.That(((string)fila["definicion"]!, (string)fila["detalle"]!), Is.EqualTo(("Vencidos semanal", "550 5.1.1 User unknown")));
        Assert.That((string?)fila["clienteNombre"], Is.Not.Null.And.Not.Empty);

        var invalido = await Api.GetAsync("/api/v1/notificaciones/envios?estado=perdido");
        Assert.That((await invalido.ProblemaAsync(400))["errors"]!.AsObject().Select(x => x.Key), Has.Some.Contains("estado").IgnoreCase);

        var resumen = await (await Api.GetAsync("/api/v1/notificaciones/envios/resumen")).JsonAsync();
        var porDefinicion = resumen["definiciones"]!.AsArray().Single(d => (string?)d!["definicionId"] == definicion.ToString())!;
        Assert.That(((int)porDefinicion["total"]!, (int)porDefinicion["enviados"]!, (int)porDefinicion["fallidos"]!, (int)porDefinicion["abiertos"]!,
            (int)porDefinicion["clics"]!, (int)porDefinicion["respondidos"]!), Is.EqualTo((3, 2, 1, 1, 1, 1)));
        Assert.That(resumen["definiciones"]!.AsArray(), Has.Count.EqualTo(1), "el envío de hace 40 días queda fuera del rango por omisión");
    }

    [Test]
    public async Task Un_cobrador_ve_solo_los_envios_de_sus_clientes()
    {
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        var cobrador = await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores",
            new { nombre = "Juan Soto", email = (string?)null, telefono = (string?)null, usuarioId = usuario.Id, regiones = Array.Empty<string>(), comunas = Array.Empty<string>() })).JsonAsync(201);
        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{ClienteId}", new { cobradorId = cobrador.Id() })).JsonAsync();
        var ajeno = (await Api.CrearClienteAsync()).Id();
        var propio = await EnvioAsync();
        var otro = await EnvioAsync(clienteId: ajeno);

        var api = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id);
        var lista = await (await api.GetAsync("/api/v1/notificaciones/envios")).JsonAsync();
        Assert.That(lista["items"]!.AsArray().Select(e => (string)e!["id"]!), Is.EqualTo(new[] { propio.Id.ToString() }));
        await (await api.GetAsync($"/api/v1/notificaciones/envios/{propio.Id}")).JsonAsync();
        await (await api.GetAsync($"/api/v1/notificaciones/envios/{otro.Id}")).ProblemaAsync(404);
        Assert.That((int)(await (await api.GetAsync("/api/v1/notificaciones/envios/resumen")).JsonAsync())["definiciones"]![0]!["total"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Otra_empresa_no_ve_los_envios_ni_las_respuestas()
    {
        var envio = await EnvioAsync();
        var otra = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var otraApi = await Fixture.ClienteHttpAsync(otra);
        Assert.That((await (await otraApi.GetAsync("/api/v1/notificaciones/envios")).JsonAsync())["items"]!.AsArray(), Is.Empty);
        await (await otraApi.GetAsync($"/api/v1/notificaciones/envios/{envio.Id}")).ProblemaAsync(404);
        Assert.That((await (await otraApi.GetAsync("/api/v1/notificaciones/envios/resumen")).JsonAsync())["definiciones"]!.AsArray(), Is.Empty);

        await Fixture.Imap.EntregarAsync(Respuesta(envio));
        await LeerBuzonAsync();
        var respuestaId = (string)(await DetalleAsync(envio.Id))["respuestas"]![0]!["id"]!;
        await (await otraApi.GetAsync($"/api/v1/notificaciones/respuestas/{respuestaId}")).ProblemaAsync(404);
    }
}

/// <summary>The key ring lives in PostgreSQL: a link signed by one host (replica) is accepted by another one on the same database.</summary>
public sealed class TokensEntreReplicasTests : PruebaNotificaciones
{
    [Test]
    public async Task Un_enlace_firmado_por_una_replica_lo_acepta_otra()
    {
        var contacto = await Api.CrearContactoAsync(ClienteId);
        var envio = new Envio
        {
            ClienteId = Guid.Parse(ClienteId), Clave = "replicas", Origen = OrigenesEnvio.Manual, FechaNegocio = Hoy, Para = ["María <maria.perez@cliente.test>"],
            ContactoIds = [Guid.Parse(contacto.Id())], Asunto = "Aviso", Html = "<p>Aviso</p>", MessageId = $"{Guid.NewGuid():N}@cobranzas.test", Estado = EstadosEnvio.Enviado,
            Creado = Fixture.Reloj.GetUtcNow().AddHours(-1), Enviado = Fixture.Reloj.GetUtcNow().AddHours(-1),
        };
        var baja = await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "pruebas");
            var db = sp.GetRequiredService<NotificacionesDbContext>();
            db.Envios.Add(envio);
            await db.SaveChangesAsync();
            return sp.GetRequiredService<IEnlacesCorreo>().Baja(Empresa.Id, envio.Id);
        });

        await using var otraReplica = new ApiFactory(Fixture.Conexion, Fixture.Correo.PuertoSmtp, Fixture.Reloj);
        var respuesta = await otraReplica.CreateClient().PostAsync(new Uri(baja).PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var contactos = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/contactos")).JsonAsync();
        Assert.That((bool)contactos[0]!["optOutEmail"]!, Is.True);
    }
}
