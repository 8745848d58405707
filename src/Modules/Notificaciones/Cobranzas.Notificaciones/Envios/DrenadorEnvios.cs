using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Correo;
using Cobranzas.SharedKernel.Tenancy;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using Quartz;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// Drains the Notificaciones outbox (pending <see cref="Envio"/> rows of every company) through MailKit on one reused SMTP connection.
/// <list type="bullet">
/// <item>A batch is claimed in one short statement: it locks due outbox rows (<c>FOR NO KEY UPDATE SKIP LOCKED</c>) and writes a lease
/// for each in <see cref="EnvioArrendado"/>, a narrow row beside the wide one, which is not rewritten. A second drain (another replica)
/// skips the locked rows and then sees the leases; the lease's insert only takes over a row with no lease or an expired one (it reads the
/// newest committed lease, not its statement's snapshot), so two drains never both hold a message. The lease's time is the claim's
/// token.</item>
/// <item>Each message is marked delivered in its own autocommit statement right after the server accepts it: one narrow row in
/// <see cref="EnvioEntregado"/> (one index) instead of an update of the wide outbox row (eight indexes, the mail inline), on a second
/// connection, so the mark travels to the database while the next message goes to the SMTP server (a mark is written before the next
/// send starts, and awaited before the one after). The claim never takes a message with such a row, so it counts as the mark; the marks
/// of a batch are put in the clients' timelines (Gestión) and then folded into the outbox rows (<c>enviado</c>, the activity flag and the
/// lease gone) by one statement on a third connection while the next batch is sent, so each wide row is rewritten once; any drain first
/// folds what a crashed one left. A cancelled drain releases what it had not sent. A drain stops sending at half its
/// lease, and the SMTP timeout is a fraction of it, so it never sends a row whose lease another drain could have taken.</item>
/// <item>4xx answers (and a lost connection) put the row back with an exponential backoff: the next run of the job (every minute)
/// sends it once its time comes, so there is no retry loop here; after <see cref="IntentosMaximos"/> it fails. 5xx fails at once, with the
/// server's answer in <c>detalle</c>.</item>
/// </list>
/// What SMTP cannot give: if the process dies after the server accepted a message and before its mark, that one message is sent
/// again after the lease (the only window, one message per drain), under the same stored Message-ID, by which servers and clients
/// can recognise it.
/// </summary>
public sealed partial class DrenadorEnvios(
    NotificacionesDbContext db, NpgsqlDataSource fuente, IServiceScopeFactory ambitos, IOptions<OpcionesSmtp> opciones, IEnlacesCorreo enlaces, IConfiguration configuracion,
    TimeProvider reloj, ILogger<DrenadorEnvios> log)
{
    public const int IntentosMaximos = 8;
    public const string Actor = "sistema: notificaciones";
    public static readonly TimeSpan TiempoSmtp = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim is this drain's (<c>Notificaciones:Envios:ArriendoSegundos</c>, 300 by default): what a crashed drain had claimed
    /// and not sent waits this long. At least twice the SMTP timeout, since a drain stops sending at half its lease and a send that
    /// started may take the whole SMTP timeout.
    /// </summary>
    public TimeSpan Arriendo { get; } = TimeSpan.FromSeconds(Math.Max(2 * TiempoSmtp.TotalSeconds, configuracion.GetValue("Notificaciones:Envios:ArriendoSegundos", 300)));

    public const int ActividadesPorRegistro = 1000;

    public int PorLote { get; set; } = 250;

    /// <summary>Sends pending messages until none is due (or <paramref name="ct"/> is cancelled); answers how many were accepted by the server.</summary>
    public async Task<int> DrenarAsync(CancellationToken ct, Action<Guid>? alMarcarEnviado = null)
    {
        var o = opciones.Value;
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        // The marks need to be visible at once (a second drain reads them), not flushed to disk before the next send: a crash of the
        // application loses none of them; only a crash of the database server itself could forget the last fraction of a second of
        // marks, whose messages would be sent again after their lease, under the same Message-ID.
        await EjecutarAsync(conexion, "SET synchronous_commit = off");
        await using var reclamos = await AbrirAsync(ct);
        await using var pliegues = await AbrirAsync(ct);
        await using var marcas = await AbrirAsync(ct);
        using var smtp = new SmtpClient { Timeout = (int)TiempoSmtp.TotalMilliseconds };
        await using var marcador = await Marcador.CrearAsync(marcas, ct);
        // What a crashed drain had delivered and not folded becomes sent, beside the first claim (which skips marked messages anyway).
        var plegado = PlegarAsync(pliegues, null, []);
        var enviados = 0;
        // A claim is not cancelled halfway (it is short): what it took is either sent or released here.
        Task<Reclamo>? proximo = null;
        try
        {
            try
            {
                proximo = ReclamarAsync(reclamos);
                while (true)
                {
                    var reclamo = await proximo;
                    proximo = null;
                    if (reclamo.Lote.Count == 0)
                        break;
                    if (ct.IsCancellationRequested)
                    {
                        await LiberarAsync(conexion, [.. reclamo.Lote.Select(e => e.Id)], reclamo.Arriendo);
                        break;
                    }

                    // The next batch is claimed while this one is sent.
                    proximo = ReclamarAsync(reclamos);
                    var (entregados, servidorCaido) = await EnviarLoteAsync(conexion, marcador, smtp, o, reclamo, alMarcarEnviado, ct);
                    var n = entregados.Count;
                    enviados += n;
                    // The batch's marks are durable already; its timeline activities and the fold into the wide rows go on beside the next batch.
                    await plegado;
                    if (n > 0)
                        plegado = PlegarLoteAsync(pliegues, entregados);

                    if (servidorCaido)
                        break;
                }
            }
            finally
            {
                if (proximo is not null)
                {
                    var sobrante = await proximo;
                    if (sobrante.Lote.Count > 0)
                        await LiberarAsync(conexion, [.. sobrante.Lote.Select(e => e.Id)], sobrante.Arriendo);
                }

                await plegado;
                await DesconectarAsync(smtp);
            }

            while (await RegistrarActividadesAsync(conexion, CancellationToken.None) == ActividadesPorRegistro)
            {
            }
        }
        finally
        {
            await EjecutarAsync(conexion, "RESET synchronous_commit");
            await db.Database.CloseConnectionAsync();
        }

        return enviados;
    }

    private async Task<NpgsqlConnection> AbrirAsync(CancellationToken ct)
    {
        var conexion = await fuente.OpenConnectionAsync(ct);
        try
        {
            await EjecutarAsync(conexion, "SET synchronous_commit = off");
            return conexion;
        }
        catch
        {
            await conexion.DisposeAsync();
            throw;
        }
    }

    private sealed record Reclamado(
        Guid Id, Guid EmpresaId, Guid ClienteId, string[] Para, string Asunto, string Html, string? Texto, string? ResponderA, string MessageId, int Intentos,
        bool ActividadRegistrada, string? Remitente, bool ConAdjuntos);

    /// <summary>A message the server accepted and the moment of its mark.</summary>
    private sealed record Entregado(Reclamado Envio, DateTimeOffset Enviado);

    /// <summary>A claimed batch, its lease (the claim's token) and how long ago it was claimed (a drain stops sending at half the lease).</summary>
    private sealed record Reclamo(List<Reclamado> Lote, DateTimeOffset Arriendo, Stopwatch Desde);

    private async Task<Reclamo> ReclamarAsync(NpgsqlConnection conexion)
    {
        var desde = Stopwatch.StartNew();
        var ahora = reloj.GetUtcNow();
        var arriendo = Microsegundos(ahora + Arriendo);
        // The row lock keeps two claims from picking the same row at once; the lease's ON CONFLICT settles a claim that saw an older
        // snapshot: it compares against the newest committed lease and takes the row only if that one has expired.
        await using var cmd = new NpgsqlCommand(
            """
            WITH candidatos AS (
                SELECT p.id FROM notificaciones.envios p
                WHERE p.estado = 'pendiente' AND p.proximo_intento <= @ahora
                  AND NOT EXISTS (SELECT 1 FROM notificaciones.envios_entregados x WHERE x.envio_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM notificaciones.envios_arriendos a WHERE a.envio_id = p.id AND a.hasta > @ahora)
                ORDER BY p.proximo_intento, p.id LIMIT @n FOR NO KEY UPDATE SKIP LOCKED),
            reclamados AS (
                INSERT INTO notificaciones.envios_arriendos AS a (envio_id, hasta) SELECT id, @arriendo FROM candidatos
                ON CONFLICT (envio_id) DO UPDATE SET hasta = excluded.hasta WHERE a.hasta <= @ahora
                RETURNING a.envio_id)
            SELECT e.id, e.empresa_id, e.cliente_id, e.para, e.asunto, e.html, e.texto, e.responder_a, e.message_id, e.intentos, e.actividad_registrada,
                c.nombre_remitente, EXISTS (SELECT 1 FROM notificaciones.envios_adjuntos j WHERE j.envio_id = e.id)
            FROM reclamados r JOIN notificaciones.envios e ON e.id = r.envio_id LEFT JOIN notificaciones.configuracion c ON c.empresa_id = e.empresa_id
            ORDER BY e.id
            """, conexion);
        cmd.Parameters.AddWithValue("arriendo", arriendo);
        cmd.Parameters.AddWithValue("ahora", ahora);
        cmd.Parameters.AddWithValue("n", PorLote);
        var lote = new List<Reclamado>();
        await using var l = await cmd.ExecuteReaderAsync(CancellationToken.None);
        while (await l.ReadAsync(CancellationToken.None))
        {
            lote.Add(new Reclamado(l.GetGuid(0), l.GetGuid(1), l.GetGuid(2), l.GetFieldValue<string[]>(3), l.GetString(4), l.GetString(5),
                l.IsDBNull(6) ? null : l.GetString(6), l.IsDBNull(7) ? null : l.GetString(7), l.GetString(8), l.GetInt32(9), l.GetBoolean(10),
                l.IsDBNull(11) ? null : l.GetString(11), l.GetBoolean(12)));
        }

        return new Reclamo(lote, arriendo, desde);
    }

    private async Task<(List<Entregado> Entregados, bool ServidorCaido)> EnviarLoteAsync(
        NpgsqlConnection conexion, Marcador marcador, SmtpClient smtp, OpcionesSmtp o, Reclamo reclamo, Action<Guid>? alMarcarEnviado, CancellationToken ct)
    {
        var (lote, arriendo) = (reclamo.Lote, reclamo.Arriendo);
        var enviados = new List<Entregado>(lote.Count);
        var tratados = new HashSet<Guid>();
        var marca = Task.CompletedTask;
        // The next message (links signed, clicks rewritten) is built while the server answers this one.
        Task<MimeMessage>? siguiente = null;
        try
        {
            for (var i = 0; i < lote.Count; i++)
            {
                var e = lote[i];
                if (ct.IsCancellationRequested || reclamo.Desde.Elapsed > Arriendo / 2)
                    break;
                MimeMessage mensaje;
                try
                {
                    mensaje = siguiente is not null ? await siguiente : Mensaje(e, o, e.ConAdjuntos ? await AdjuntosAsync(conexion, e.Id, ct) : []);
                }
                catch (ParseException ex)
                {
                    await FallarAsync(conexion, e, arriendo, $"Dirección inválida: {ex.Message}");
                    tratados.Add(e.Id);
                    continue;
                }
                finally
                {
                    siguiente = null;
                }

                try
                {
                    if (!smtp.IsConnected)
                    {
                        await ConexionSmtp.ConectarAsync(smtp, o, ct);
                    }

                    // A send that started is let finish (bounded by the SMTP timeout): cancelled halfway, the server may have the message
                    // while its row goes back to pending, and it would go twice.
                    var envio = smtp.SendAsync(mensaje, CancellationToken.None);
                    if (i + 1 < lote.Count && !lote[i + 1].ConAdjuntos)
                        siguiente = Preparar(lote[i + 1], o);
                    await envio;
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                {
                    await FallarAsync(conexion, e, arriendo, $"{(int)ex.StatusCode} {ex.Message}");
                    tratados.Add(e.Id);
                    continue;
                }
                catch (SmtpCommandException ex)
                {
                    await ReprogramarAsync(conexion, e, arriendo, $"{(int)ex.StatusCode} {ex.Message}");
                    tratados.Add(e.Id);
                    continue;
                }
                catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException or TimeoutException)
                {
                    log.LogWarning(ex, "Servidor SMTP {Host}:{Port} no disponible; se reintentará", o.Host, o.Port);
                    await ReprogramarAsync(conexion, e, arriendo, ex.Message);
                    tratados.Add(e.Id);
                    return (enviados, true);
                }

                // Accepted by the server: mark it now, whatever the token says, so a cancellation cannot make it go twice.
                await marca;
                var enviado = reloj.GetUtcNow();
                marca = MarcarEnviadoAsync(marcador, e, enviado, alMarcarEnviado);
                tratados.Add(e.Id);
                enviados.Add(new Entregado(e, enviado));
            }
        }
        finally
        {
            await marca;
            var sinEnviar = lote.Where(e => !tratados.Contains(e.Id)).Select(e => e.Id).ToArray();
            if (sinEnviar.Length > 0)
                await LiberarAsync(conexion, sinEnviar, arriendo);
        }

        return (enviados, false);
    }

    private Task<MimeMessage> Preparar(Reclamado e, OpcionesSmtp o)
    {
        try
        {
            return Task.FromResult(Mensaje(e, o, []));
        }
        catch (ParseException ex)
        {
            return Task.FromException<MimeMessage>(ex);
        }
    }

    private static async Task MarcarEnviadoAsync(Marcador marcador, Reclamado e, DateTimeOffset enviado, Action<Guid>? alMarcarEnviado)
    {
        await marcador.MarcarAsync(e.Id, enviado);
        alMarcarEnviado?.Invoke(e.Id);
    }

    /// <summary>
    /// A sent batch: its messages go to their clients' timelines first, then the fold makes them sent and flags those Gestión took, so each
    /// wide row is rewritten once. A crash in between leaves the marks, which the next drain folds unflagged; the sweep then registers them
    /// again (Gestión is idempotent on the message id).
    /// </summary>
    private async Task PlegarLoteAsync(NpgsqlConnection conexion, List<Entregado> entregados)
    {
        var registrados = await RegistrarEnGestionAsync(entregados.Where(x => !x.Envio.ActividadRegistrada)
            .Select(x => new CorreoPorRegistrar(x.Envio.Id, x.Envio.EmpresaId, x.Envio.ClienteId, x.Envio.Asunto, x.Enviado, x.Envio.Para.Length)), CancellationToken.None);
        await PlegarAsync(conexion, [.. entregados.Select(x => x.Envio.Id)], [.. registrados]);
    }

    /// <summary>
    /// Folds delivery marks into their outbox rows: those of <paramref name="ids"/>, or every mark left (null); the rows of
    /// <paramref name="registrados"/> are flagged as in the timeline. Deleting the marks and the leases and updating the rows are one
    /// statement, so a mark is never lost between them; a message accepted by the server is sent whoever holds its claim now. Marks
    /// another drain is folding at the same moment are skipped (no waiting, no deadlock between two folds): that drain folds them. A batch's
    /// ids also bound the update itself: right after a run the statistics still count few pending rows, and the planner joined the batch's
    /// marks to every pending row.
    /// </summary>
    private static async Task PlegarAsync(NpgsqlConnection conexion, Guid[]? ids, Guid[] registrados)
    {
        await using var cmd = new NpgsqlCommand(
            $"""
            WITH m AS (
                DELETE FROM notificaciones.envios_entregados WHERE envio_id IN (
                    SELECT envio_id FROM notificaciones.envios_entregados {(ids is null ? "" : "WHERE envio_id = ANY(@ids)")} FOR UPDATE SKIP LOCKED)
                RETURNING envio_id, enviado),
            sin_arriendo AS (
                DELETE FROM notificaciones.envios_arriendos WHERE envio_id IN (SELECT envio_id FROM m))
            UPDATE notificaciones.envios e SET estado = 'enviado', enviado = m.enviado, intentos = e.intentos + 1, detalle = NULL, proximo_intento = m.enviado,
                actividad_registrada = e.actividad_registrada OR e.id = ANY(@registrados)
            FROM m WHERE e.id = m.envio_id AND e.estado = 'pendiente' {(ids is null ? "" : "AND e.id = ANY(@ids)")}
            """, conexion);
        if (ids is not null)
            cmd.Parameters.AddWithValue("ids", ids);
        cmd.Parameters.AddWithValue("registrados", registrados);
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The delivery mark of one message, prepared once per drain on the marks connection: one round trip, no parse or plan, per message.</summary>
    private sealed class Marcador : IAsyncDisposable
    {
        private readonly NpgsqlCommand _cmd;
        private readonly NpgsqlParameter<Guid> _id = new("id", NpgsqlTypes.NpgsqlDbType.Uuid);
        private readonly NpgsqlParameter<DateTimeOffset> _ahora = new("ahora", NpgsqlTypes.NpgsqlDbType.TimestampTz);

        private Marcador(NpgsqlConnection conexion)
        {
            _cmd = new NpgsqlCommand("INSERT INTO notificaciones.envios_entregados (envio_id, enviado) VALUES (@id, @ahora)", conexion);
            _cmd.Parameters.Add(_id);
            _cmd.Parameters.Add(_ahora);
        }

        public static async Task<Marcador> CrearAsync(NpgsqlConnection conexion, CancellationToken ct)
        {
            var m = new Marcador(conexion);
            await m._cmd.PrepareAsync(ct);
            return m;
        }

        public Task<int> MarcarAsync(Guid id, DateTimeOffset ahora)
        {
            _id.TypedValue = id;
            _ahora.TypedValue = ahora;
            return _cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }

        public ValueTask DisposeAsync() => _cmd.DisposeAsync();
    }

    private Task FallarAsync(NpgsqlConnection conexion, Reclamado e, DateTimeOffset arriendo, string detalle) => EjecutarAsync(conexion,
        """
        WITH suyo AS (DELETE FROM notificaciones.envios_arriendos WHERE envio_id = @id AND hasta = @arriendo RETURNING envio_id)
        UPDATE notificaciones.envios SET estado = 'fallido', intentos = intentos + 1, detalle = @detalle, proximo_intento = @ahora
        WHERE id IN (SELECT envio_id FROM suyo) AND estado = 'pendiente'
        """, ("id", e.Id), ("detalle", Recortar(detalle)), ("ahora", reloj.GetUtcNow()), ("arriendo", arriendo));

    /// <summary>Back to pending after a temporary failure, due after 1, 2, 4… minutes (capped at 4 hours); failed after the last attempt.</summary>
    private Task ReprogramarAsync(NpgsqlConnection conexion, Reclamado e, DateTimeOffset arriendo, string detalle)
    {
        var intentos = e.Intentos + 1;
        var ahora = reloj.GetUtcNow();
        var espera = TimeSpan.FromMinutes(Math.Min(240, Math.Pow(2, intentos - 1)));
        return EjecutarAsync(conexion,
            """
            WITH suyo AS (DELETE FROM notificaciones.envios_arriendos WHERE envio_id = @id AND hasta = @arriendo RETURNING envio_id)
            UPDATE notificaciones.envios SET intentos = @intentos, detalle = @detalle, proximo_intento = @proximo,
                estado = CASE WHEN @intentos >= @maximo THEN 'fallido' ELSE 'pendiente' END
            WHERE id IN (SELECT envio_id FROM suyo) AND estado = 'pendiente'
            """, ("id", e.Id), ("intentos", intentos), ("detalle", Recortar(detalle)), ("proximo", Microsegundos(ahora + espera)), ("maximo", IntentosMaximos),
            ("arriendo", arriendo));
    }

    private static Task LiberarAsync(NpgsqlConnection conexion, Guid[] ids, DateTimeOffset arriendo) => EjecutarAsync(conexion,
        "DELETE FROM notificaciones.envios_arriendos WHERE envio_id = ANY(@ids) AND hasta = @arriendo", ("ids", ids), ("arriendo", arriendo));

    private sealed record CorreoPorRegistrar(Guid Id, Guid EmpresaId, Guid ClienteId, string Asunto, DateTimeOffset Enviado, int Para);

    /// <summary>
    /// Puts sent messages in their clients' timelines (Gestión, idempotent on the message id), company by company; answers the ids Gestión
    /// took. A company that fails is logged and left for the sweep.
    /// </summary>
    private async Task<List<Guid>> RegistrarEnGestionAsync(IEnumerable<CorreoPorRegistrar> correos, CancellationToken ct)
    {
        var hechos = new List<Guid>();
        foreach (var empresa in correos.GroupBy(x => x.EmpresaId))
        {
            try
            {
                await using var ambito = ambitos.CreateAsyncScope();
                ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa.Key, Actor);
                var mediator = ambito.ServiceProvider.GetRequiredService<IMediator>();
                var enviados = empresa.Select(x => new CorreoEnviado(
                    x.ClienteId, $"Correo enviado: «{x.Asunto}» ({x.Para} destinatario{(x.Para == 1 ? "" : "s")}).", x.Enviado, x.Id)).ToList();
                await mediator.Send(new RegistrarCorreosEnviados(enviados), ct);
                hechos.AddRange(enviados.Select(c => c.OrigenId));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "No se pudo registrar la actividad de correos enviados de la empresa {Empresa}; se reintentará", empresa.Key);
            }
        }

        return hechos;
    }

    /// <summary>
    /// The sweep: sent messages not yet in their timelines (Gestión refused a batch, or a crash came between the send and the fold) are
    /// registered and flagged. Answers how many it flagged.
    /// </summary>
    private async Task<int> RegistrarActividadesAsync(NpgsqlConnection conexion, CancellationToken ct)
    {
        var porRegistrar = new List<CorreoPorRegistrar>();
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT id, empresa_id, cliente_id, asunto, enviado, cardinality(para) FROM notificaciones.envios
            WHERE estado = 'enviado' AND NOT actividad_registrada ORDER BY enviado LIMIT @n
            """, conexion))
        {
            cmd.Parameters.AddWithValue("n", ActividadesPorRegistro);
            await using var l = await cmd.ExecuteReaderAsync(ct);
            while (await l.ReadAsync(ct))
                porRegistrar.Add(new CorreoPorRegistrar(l.GetGuid(0), l.GetGuid(1), l.GetGuid(2), l.GetString(3), l.GetFieldValue<DateTimeOffset>(4), l.GetInt32(5)));
        }

        var hechos = await RegistrarEnGestionAsync(porRegistrar, ct);
        if (hechos.Count > 0)
            await EjecutarAsync(conexion, "UPDATE notificaciones.envios SET actividad_registrada = true WHERE id = ANY(@ids)", ("ids", hechos.ToArray()));
        return hechos.Count;
    }

    private static async Task<List<(string Nombre, string Tipo, byte[] Contenido)>> AdjuntosAsync(NpgsqlConnection conexion, Guid envioId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT nombre, tipo_contenido, contenido FROM notificaciones.envios_adjuntos WHERE envio_id = @id ORDER BY id", conexion);
        cmd.Parameters.AddWithValue("id", envioId);
        var adjuntos = new List<(string, string, byte[])>();
        await using var l = await cmd.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct))
            adjuntos.Add((l.GetString(0), l.GetString(1), l.GetFieldValue<byte[]>(2)));
        return adjuntos;
    }

    private MimeMessage Mensaje(Reclamado e, OpcionesSmtp o, List<(string Nombre, string Tipo, byte[] Contenido)> adjuntos)
    {
        var mensaje = new MimeMessage { MessageId = e.MessageId, Subject = e.Asunto };
        mensaje.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(e.Remitente) ? o.NombreRemitente : e.Remitente, o.Remitente));
        foreach (var para in e.Para)
            mensaje.To.Add(MailboxAddress.Parse(para));
        if (!string.IsNullOrWhiteSpace(e.ResponderA))
            mensaje.ReplyTo.Add(MailboxAddress.Parse(e.ResponderA));
        var baja = BajaDelCuerpo(e.Html) ?? enlaces.Baja(e.EmpresaId, e.Id);
        mensaje.Headers.Add("Auto-Submitted", "auto-generated");
        mensaje.Headers.Add("List-Unsubscribe", $"<{baja}>");
        mensaje.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var cuerpo = new BodyBuilder { HtmlBody = HtmlConSeguimiento(e.EmpresaId, e.Id, e.Html, baja), TextBody = e.Texto };
        foreach (var (nombre, tipo, contenido) in adjuntos)
            cuerpo.Attachments.Add(nombre, contenido, ContentType.Parse(tipo));
        mensaje.Body = cuerpo.ToMessageBody();
        return mensaje;
    }

    /// <summary>
    /// The unsubscribe link the run rendered into the body (signed for this message already), so the header carries the same one and
    /// no second token is made; null when the body has none.
    /// </summary>
    private string? BajaDelCuerpo(string html)
    {
        var raiz = WebUtility.HtmlEncode(RaizBaja);
        var i = html.IndexOf("\"" + raiz, StringComparison.Ordinal);
        if (i < 0)
            return null;
        var fin = html.IndexOf('"', i + 1);
        return fin < 0 ? null : WebUtility.HtmlDecode(html[(i + 1)..fin]);
    }

    private string RaizBaja => field ??= enlaces.RaizBaja();

    /// <summary>
    /// The HTML as sent: each http(s) link (but unsubscribe ones) through the signed click redirect, and the open pixel before
    /// <c>&lt;/body&gt;</c>.
    /// </summary>
    public string HtmlConSeguimiento(Guid empresaId, Guid envioId, string html, string baja)
    {
        var conEnlaces = Enlace().Replace(html, m =>
        {
            var url = WebUtility.HtmlDecode(m.Groups[2].Value);
            return url == baja || url.StartsWith(RaizBaja, StringComparison.Ordinal)
                ? m.Value
                : $"{m.Groups[1].Value}{WebUtility.HtmlEncode(enlaces.Clic(empresaId, envioId, url))}\"";
        });
        var pixel = $"""<img src="{WebUtility.HtmlEncode(enlaces.Apertura(empresaId, envioId))}" width="1" height="1" alt="" style="display:block;border:0">""";
        var cierre = conEnlaces.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return cierre < 0 ? conEnlaces + pixel : conEnlaces.Insert(cierre, pixel);
    }

    [GeneratedRegex(@"(<a\s[^>]*?href="")(https?://[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Enlace();

    private static async Task DesconectarAsync(SmtpClient smtp)
    {
        try
        {
            if (smtp.IsConnected)
                await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or SmtpCommandException)
        {
            // Every accepted message is already marked; a failed QUIT loses nothing.
        }
    }

    private static async Task<int> EjecutarAsync(NpgsqlConnection conexion, string sql, params (string Nombre, object Valor)[] parametros)
    {
        await using var cmd = new NpgsqlCommand(sql, conexion);
        foreach (var (nombre, valor) in parametros)
            cmd.Parameters.AddWithValue(nombre, valor);
        return await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string Recortar(string texto) => texto.Length <= LargosNotificaciones.Detalle ? texto : texto[..LargosNotificaciones.Detalle];

    /// <summary>PostgreSQL keeps microseconds: the lease must compare equal after the round trip.</summary>
    private static DateTimeOffset Microsegundos(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}

/// <summary>The sender of Notificaciones: clustered, every minute, one at a time per cluster.</summary>
[DisallowConcurrentExecution]
public sealed class EnviarNotificacionesJob(IServiceScopeFactory ambitos, ILogger<EnviarNotificacionesJob> log) : IJob
{
    public static readonly JobKey Clave = new("enviar-notificaciones", "notificaciones");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var ambito = ambitos.CreateAsyncScope();
        var enviados = await ambito.ServiceProvider.GetRequiredService<DrenadorEnvios>().DrenarAsync(cancellationToken);
        if (enviados > 0)
            log.LogInformation("Notificaciones: {Enviados} correos enviados", enviados);
    }
}
