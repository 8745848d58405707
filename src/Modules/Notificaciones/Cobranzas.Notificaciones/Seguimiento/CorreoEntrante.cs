using System.Security.Cryptography;
using System.Text;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Plantillas;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Correo;
using Cobranzas.SharedKernel.Plantillas;
using Cobranzas.SharedKernel.Tenancy;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cobranzas.Notificaciones.Seguimiento;

public static class TiposEventoSeguimiento
{
    /// <summary>A 4.x.x delivery status: the server will keep trying; only recorded.</summary>
    public const string ReboteTemporal = "rebote_temporal";

    /// <summary>The company's acknowledgment went out for this thread.</summary>
    public const string Acuse = "acuse";
}

/// <summary>What a message of the replies mailbox is.</summary>
public static class ClasificadorCorreo
{
    private static readonly string[] AsuntosAutomaticos =
    [
        "fuera de la oficina", "fuera de oficina", "respuesta automática", "respuesta automatica", "out of office", "out of the office", "automatic reply",
        "auto reply", "autoreply", "auto-reply", "ausente", "ausencia", "vacaciones", "abwesenheit", "réponse automatique",
    ];

    /// <summary>Why this is an automatic reply (RFC 3834 and the headers and subjects autoresponders use), or null for a person's reply.</summary>
    public static string? MotivoAutomatica(MimeMessage m)
    {
        var auto = m.Headers["Auto-Submitted"];
        if (!string.IsNullOrWhiteSpace(auto) && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return $"Auto-Submitted: {auto.Trim()}";
        foreach (var h in new[] { "X-Autoreply", "X-Autorespond" })
        {
            if (m.Headers.Contains(h))
                return $"{h}: {m.Headers[h]?.Trim()}";
        }

        var precedencia = m.Headers["Precedence"]?.Trim().ToLowerInvariant();
        if (precedencia is "auto_reply" or "bulk" or "junk")
            return $"Precedence: {precedencia}";
        var asunto = (m.Subject ?? "").ToLowerInvariant();
        return AsuntosAutomaticos.FirstOrDefault(asunto.Contains) is { } a ? $"Asunto de respuesta automática ({a})" : null;
    }

    /// <summary>The delivery status report of a DSN (<c>multipart/report; report-type=delivery-status</c>), or null.</summary>
    public static MessageDeliveryStatus? EstadoEntrega(MimeMessage m) =>
        m.Body is MultipartReport { ReportType: var tipo } reporte && string.Equals(tipo, "delivery-status", StringComparison.OrdinalIgnoreCase)
            ? reporte.OfType<MessageDeliveryStatus>().FirstOrDefault()
            : null;

    /// <summary>Each recipient of a DSN: its address and its status (5.1.1…).</summary>
    public static IReadOnlyList<(string Email, string Estado)> Destinatarios(MessageDeliveryStatus estado) =>
        estado.StatusGroups.Skip(1).Select(g =>
        {
            var destinatario = g["Final-Recipient"] ?? g["Original-Recipient"] ?? "";
            var email = destinatario.Contains(';') ? destinatario[(destinatario.IndexOf(';') + 1)..] : destinatario;
            return (email.Trim().Trim('<', '>').ToLowerInvariant(), (g["Status"] ?? "").Trim());
        }).Where(x => x.Item1.Length > 0).ToList();

    /// <summary>The Message-IDs the message refers to: In-Reply-To, References, and the original message inside a DSN.</summary>
    public static IReadOnlyList<string> Referencias(MimeMessage m)
    {
        var ids = new List<string>();
        if (m.InReplyTo is { Length: > 0 } r)
            ids.Add(r);
        ids.AddRange(m.References.Reverse());
        foreach (var parte in Partes(m.Body))
        {
            if (parte is MessagePart { Message.MessageId: { Length: > 0 } original })
            {
                ids.Add(original);
            }
            else if (parte is MimePart { Content: not null } p && p.ContentType.IsMimeType("text", "rfc822-headers"))
            {
                using var contenido = p.Content.Open();
                if (HeaderList.Load(ParserOptions.Default, contenido)["Message-ID"] is { Length: > 0 } cabecera)
                    ids.Add(cabecera);
            }
        }

        return ids.Select(i => i.Trim().Trim('<', '>')).Where(i => i.Length > 0).Distinct().ToList();
    }

    private static IEnumerable<MimeEntity> Partes(MimeEntity? entidad)
    {
        if (entidad is null)
            yield break;
        yield return entidad;
        if (entidad is Multipart multiparte)
        {
            foreach (var hija in multiparte.SelectMany(Partes))
                yield return hija;
        }
    }

    /// <summary>The envío id of a tagged reply address <c>respuestas+{id}@…</c> (To, Cc, Delivered-To, X-Original-To).</summary>
    public static Guid? EnvioEtiquetado(MimeMessage m)
    {
        var direcciones = m.To.Mailboxes.Concat(m.Cc.Mailboxes).Select(x => x.Address)
            .Concat(new[] { "Delivered-To", "X-Original-To" }.Select(h => m.Headers[h]).OfType<string>());
        foreach (var d in direcciones)
        {
            var local = d.Trim().Trim('<', '>').Split('@')[0];
            var mas = local.IndexOf('+');
            if (mas >= 0 && Guid.TryParseExact(local[(mas + 1)..], "N", out var id))
                return id;
        }

        return null;
    }

    public static string Texto(MimeMessage m) => (m.TextBody ?? (m.HtmlBody is { } html ? RenderizadorCorreo.TextoPlano(html) : "")).Trim();
}

/// <summary>
/// Processes one message of the replies mailbox once: a bounce marks the message (and, when hard, the contact's address), an automatic
/// reply is only recorded, and a person's reply is recorded on the message, in the client's timeline with a task for the collector, and
/// answered once per thread with the company's acknowledgment when it has one.
/// </summary>
public sealed class ProcesadorCorreoEntrante(
    NotificacionesDbContext db, IContextoSolicitudExplicito contexto, IMediator mediator, TimeProvider reloj, IOptions<OpcionesSmtp> smtp,
    ILogger<ProcesadorCorreoEntrante> log)
{
    public const string Actor = "sistema: respuestas de correo";

    public async Task<string> ProcesarAsync(string clave, MimeMessage m, CancellationToken ct)
    {
        var messageId = Recortar(m.MessageId, LargosSeguimiento.MessageId);
        if (await db.Set<MensajeImap>().AnyAsync(x => x.Clave == clave || (messageId != null && x.MessageId == messageId), ct))
            return "repetido";

        var envio = await BuscarEnvioAsync(m, ct);
        if (envio is null)
            return await MarcarAsync(clave, messageId, "sin_envio", null, ct);
        contexto.Establecer(envio.EmpresaId, Actor);
        db.Attach(envio);

        var ahora = reloj.GetUtcNow();
        var fecha = m.Date > DateTimeOffset.MinValue && m.Date <= ahora.AddDays(1) ? m.Date.ToUniversalTime() : ahora;
        var id = IdDeterminista(clave);
        var de = Recortar(m.From.Mailboxes.FirstOrDefault()?.Address ?? "", LargosNotificaciones.Email)!;
        var asunto = Recortar(m.Subject ?? "", LargosSeguimiento.Asunto)!;

        if (ClasificadorCorreo.EstadoEntrega(m) is { } dsn)
        {
            var destinatarios = ClasificadorCorreo.Destinatarios(dsn);
            var duros = destinatarios.Where(d => d.Estado.StartsWith('5')).ToList();
            var resumen = string.Join("; ", destinatarios.Select(d => $"{d.Email} {d.Estado}"));
            if (duros.Count > 0)
            {
                envio.Estado = EstadosEnvio.Rebotado;
                envio.Rebotado ??= fecha;
                envio.Detalle = Recortar($"Rebote: {resumen}", LargosNotificaciones.Detalle);
                foreach (var d in duros)
                    await mediator.Send(new MarcarEmailInvalido(envio.ClienteId, d.Email, $"Rebote {d.Estado}"), ct);
            }

            var tipo = duros.Count > 0 ? TiposEvento.Rebote : TiposEventoSeguimiento.ReboteTemporal;
            db.Eventos.Add(new EventoEnvio { EnvioId = envio.Id, Tipo = tipo, Fecha = fecha, Detalle = Recortar(resumen, LargosNotificaciones.Detalle) });
            db.Add(Respuesta(id, envio, TiposEvento.Rebote, de, asunto, ClasificadorCorreo.Texto(m), messageId, fecha, ahora, resumen));
            var marca = await MarcarAsync(clave, messageId, duros.Count > 0 ? "rebote" : TiposEventoSeguimiento.ReboteTemporal, envio.Id, ct);
            if (duros.Count > 0)
            {
                await mediator.Publish(EventoNegocio.Uno(envio.EmpresaId, TiposEventoNegocio.NotificacionRebotada, envio.Id, new
                {
                    envioId = envio.Id, envio.ClienteId, envio.Asunto, envio.Para, rebotes = duros.Select(d => new { d.Email, d.Estado }), fecha,
                }, ahora), ct);
            }

            return marca;
        }

        var texto = ClasificadorCorreo.Texto(m);
        if (ClasificadorCorreo.MotivoAutomatica(m) is { } motivo)
        {
            db.Eventos.Add(new EventoEnvio { EnvioId = envio.Id, Tipo = TiposEvento.RespuestaAutomatica, Fecha = fecha, Detalle = Recortar($"{motivo}. {asunto}", LargosNotificaciones.Detalle) });
            db.Add(Respuesta(id, envio, TiposEvento.RespuestaAutomatica, de, asunto, texto, messageId, fecha, ahora, motivo));
            return await MarcarAsync(clave, messageId, TiposEvento.RespuestaAutomatica, envio.Id, ct);
        }

        // The timeline first, idempotent on the reply's id (derived from the mailbox key): a crash before the save below repeats nothing.
        var extracto = texto.ReplaceLineEndings(" ");
        await mediator.Send(new RegistrarActividadCorreo(envio.ClienteId, TiposActividadCorreo.Respuesta,
            Recortar($"Respuesta de {de}: {asunto}. {extracto}", LargosSeguimiento.Resumen)!, fecha, id, CrearTareaCobrador: true), ct);

        envio.Respondido ??= fecha;
        db.Eventos.Add(new EventoEnvio { EnvioId = envio.Id, Tipo = TiposEvento.Respuesta, Fecha = fecha, Detalle = Recortar($"{de}: {asunto}", LargosNotificaciones.Detalle) });
        var respuesta = Respuesta(id, envio, TiposEvento.Respuesta, de, asunto, texto, messageId, fecha, ahora, null);
        db.Add(respuesta);

        var configuracion = await db.Configuraciones.AsNoTracking().SingleOrDefaultAsync(ct);
        var acusar = configuracion is { AcuseRespuestas: true, PlantillaAcuse: { Length: > 0 } }
            && !await db.Eventos.AnyAsync(e => e.EnvioId == envio.Id && e.Tipo == TiposEventoSeguimiento.Acuse, ct);
        if (acusar)
        {
            // Recorded before it goes: a crash loses the acknowledgment rather than sending it twice.
            respuesta.AcuseEnviado = true;
            db.Eventos.Add(new EventoEnvio { EnvioId = envio.Id, Tipo = TiposEventoSeguimiento.Acuse, Fecha = ahora, Detalle = Recortar($"Acuse a {de}", LargosNotificaciones.Detalle) });
        }

        var resultado = await MarcarAsync(clave, messageId, TiposEvento.Respuesta, envio.Id, ct);
        if (acusar)
            await AcusarAsync(m, envio, configuracion!, ct);
        return resultado;
    }

    private async Task<Envio?> BuscarEnvioAsync(MimeMessage m, CancellationToken ct)
    {
        var referencias = ClasificadorCorreo.Referencias(m);
        if (referencias.Count > 0)
        {
            var candidatos = referencias.Concat(referencias.Select(r => $"<{r}>")).ToList();
            var envio = await db.Envios.IgnoreQueryFilters().AsNoTracking().Where(e => candidatos.Contains(e.MessageId)).FirstOrDefaultAsync(ct);
            if (envio is not null)
                return envio;
        }

        return ClasificadorCorreo.EnvioEtiquetado(m) is { } id
            ? await db.Envios.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct)
            : null;
    }

    private async Task<string> MarcarAsync(string clave, string? messageId, string resultado, Guid? envioId, CancellationToken ct)
    {
        db.Add(new MensajeImap { Clave = clave, MessageId = messageId, Resultado = resultado, EnvioId = envioId, Procesado = reloj.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return resultado;
    }

    private static RespuestaCorreo Respuesta(
        Guid id, Envio envio, string tipo, string de, string asunto, string texto, string? messageId, DateTimeOffset fecha, DateTimeOffset ahora, string? motivo) => new()
        {
            Id = id, EnvioId = envio.Id, ClienteId = envio.ClienteId, Tipo = tipo, De = de, Asunto = asunto, Texto = Recortar(texto, LargosSeguimiento.Texto)!,
            MessageId = messageId, Fecha = fecha, Recibida = ahora, Motivo = Recortar(motivo, LargosNotificaciones.Detalle),
        };

    /// <summary>The company's acknowledgment, marked as an automatic answer (RFC 3834) so the client's autoresponder does not answer it.</summary>
    private async Task AcusarAsync(MimeMessage recibido, Envio envio, ConfiguracionNotificaciones configuracion, CancellationToken ct)
    {
        var destino = recibido.ReplyTo.Mailboxes.FirstOrDefault() ?? recibido.From.Mailboxes.FirstOrDefault();
        if (destino is null)
            return;
        try
        {
            var cliente = (await mediator.Send(new BuscarClientes([envio.ClienteId], []), ct)).SingleOrDefault();
            var modelo = new Dictionary<string, object?>
            {
                ["cliente"] = new Dictionary<string, object?> { ["nombre"] = System.Net.WebUtility.HtmlEncode(cliente?.RazonSocial ?? ""), ["rut"] = cliente?.Rut ?? "" },
                ["asunto"] = System.Net.WebUtility.HtmlEncode(recibido.Subject ?? ""),
                ["fecha"] = EtiquetasCorreo.Fecha(SharedKernel.Tiempo.FechaNegocio.Hoy(reloj)),
            };
            var html = await MotorPlantillas.RenderizarAsync(configuracion.PlantillaAcuse!, modelo, ct);
            var o = smtp.Value;
            var mensaje = new MimeMessage();
            mensaje.From.Add(new MailboxAddress(configuracion.NombreRemitente ?? o.NombreRemitente, o.Remitente));
            mensaje.To.Add(destino);
            mensaje.Subject = (recibido.Subject ?? envio.Asunto).StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? recibido.Subject! : $"Re: {recibido.Subject ?? envio.Asunto}";
            if (recibido.MessageId is { } mid)
            {
                mensaje.InReplyTo = mid;
                foreach (var r in recibido.References)
                    mensaje.References.Add(r);
                mensaje.References.Add(mid);
            }

            mensaje.Headers.Add("Auto-Submitted", "auto-replied");
            mensaje.Body = new BodyBuilder { HtmlBody = html, TextBody = RenderizadorCorreo.TextoPlano(html) }.ToMessageBody();
            using var smtpCliente = new SmtpClient();
            await ConexionSmtp.ConectarAsync(smtpCliente, o, ct);
            await smtpCliente.SendAsync(mensaje, ct);
            await smtpCliente.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "No se pudo enviar el acuse de la respuesta al envío {Envio}", envio.Id);
        }
    }

    /// <summary>The same mailbox message always gets the same reply id (an id, not a secret).</summary>
    public static Guid IdDeterminista(string clave) => new(SHA256.HashData(Encoding.UTF8.GetBytes("cobranzas-respuesta:" + clave)).AsSpan(0, 16));

    private static string? Recortar(string? texto, int largo) => texto is null ? null : texto.Length <= largo ? texto : texto[..largo];
}
