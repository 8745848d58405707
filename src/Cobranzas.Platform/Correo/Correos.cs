using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Correo;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cobranzas.Platform.Correo;

/// <summary>
/// Drains the e-mail outbox through MailKit; failed sends are retried later with backoff.
/// Each row is claimed with FOR UPDATE SKIP LOCKED and marked sent in its own transaction right after the SMTP
/// server accepts it, so concurrent drains (replicas, an invitation and the job) never send one row twice, and a
/// crash re-sends at most the one message in flight, under the same Message-ID. Marking before sending would
/// instead lose that message: a mail delivered twice is the lesser harm for invitations and notices.
/// </summary>
public sealed class DespachadorCorreos(PlataformaDbContext db, IOptions<OpcionesSmtp> opciones, TimeProvider reloj, ILogger<DespachadorCorreos> log)
{
    public const int IntentosMaximos = 8;
    private const int PorDespacho = 100;

    public async Task<int> EnviarPendientesAsync(CancellationToken ct)
    {
        var o = opciones.Value;
        using var smtp = new SmtpClient();
        var enviados = 0;
        try
        {
            for (var i = 0; i < PorDespacho; i++)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var ahora = reloj.GetUtcNow();
                var correo = (await db.CorreosSalientes
                    .FromSql($"""
                        SELECT * FROM plataforma.correos_salientes
                        WHERE enviado IS NULL AND proximo_intento <= {ahora} AND intentos < {IntentosMaximos}
                        ORDER BY proximo_intento
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                        """)
                    .ToListAsync(ct)).SingleOrDefault();
                if (correo is null)
                    break;

                var servidorCaido = false;
                try
                {
                    if (!smtp.IsConnected)
                    {
                        await ConexionSmtp.ConectarAsync(smtp, o, ct);
                    }

                    await smtp.SendAsync(Mensaje(correo, o), ct);
                    correo.Enviado = reloj.GetUtcNow();
                    enviados++;
                }
                catch (SmtpCommandException ex)
                {
                    Reprogramar(correo, ex);
                }
                catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
                {
                    log.LogWarning(ex, "Servidor SMTP {Host}:{Port} no disponible; se reintentará", o.Host, o.Port);
                    Reprogramar(correo, ex);
                    servidorCaido = true;
                }

                await db.SaveChangesAsync(CancellationToken.None);
                await tx.CommitAsync(CancellationToken.None);
                db.Entry(correo).State = EntityState.Detached;
                if (servidorCaido)
                    break;
            }
        }
        finally
        {
            await DesconectarAsync(smtp);
        }

        return enviados;
    }

    private static async Task DesconectarAsync(SmtpClient smtp)
    {
        try
        {
            if (smtp.IsConnected)
                await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
        {
            // Every accepted message is already marked; a failed QUIT loses nothing.
        }
    }

    private void Reprogramar(CorreoSaliente correo, Exception ex)
    {
        correo.Intentos++;
        correo.UltimoError = ex.Message;
        correo.ProximoIntento = reloj.GetUtcNow() + TimeSpan.FromSeconds(30 * Math.Pow(2, correo.Intentos - 1));
    }

    private static MimeMessage Mensaje(CorreoSaliente correo, OpcionesSmtp o)
    {
        var mensaje = new MimeMessage { MessageId = $"{correo.Id:N}@cobranzas" };
        mensaje.From.Add(new MailboxAddress(o.NombreRemitente, o.Remitente));
        mensaje.To.Add(MailboxAddress.Parse(correo.Para));
        mensaje.Subject = correo.Asunto;
        mensaje.Body = new BodyBuilder { HtmlBody = correo.Html, TextBody = correo.Texto }.ToMessageBody();
        return mensaje;
    }
}
