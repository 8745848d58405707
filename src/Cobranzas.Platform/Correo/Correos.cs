using Cobranzas.Platform.Persistencia;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cobranzas.Platform.Correo;

public sealed class OpcionesSmtp
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1025;
    public string Remitente { get; set; } = "cobranzas@localhost";
    public string NombreRemitente { get; set; } = "Cobranzas";
    public string? Usuario { get; set; }
    public string? Password { get; set; }
    public bool Tls { get; set; }
}

/// <summary>Drains the e-mail outbox through MailKit; failed sends are retried later with backoff.</summary>
public sealed class DespachadorCorreos(PlataformaDbContext db, IOptions<OpcionesSmtp> opciones, TimeProvider reloj, ILogger<DespachadorCorreos> log)
{
    public const int IntentosMaximos = 8;

    public async Task<int> EnviarPendientesAsync(CancellationToken ct)
    {
        var ahora = reloj.GetUtcNow();
        var pendientes = await db.CorreosSalientes
            .Where(c => c.Enviado == null && c.ProximoIntento <= ahora && c.Intentos < IntentosMaximos)
            .OrderBy(c => c.ProximoIntento)
            .Take(100)
            .ToListAsync(ct);
        if (pendientes.Count == 0)
            return 0;

        var o = opciones.Value;
        using var smtp = new SmtpClient();
        var enviados = 0;
        try
        {
            await smtp.ConnectAsync(o.Host, o.Port, o.Tls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(o.Usuario))
                await smtp.AuthenticateAsync(o.Usuario, o.Password ?? "", ct);

            foreach (var correo in pendientes)
            {
                try
                {
                    await smtp.SendAsync(Mensaje(correo, o), ct);
                    correo.Enviado = reloj.GetUtcNow();
                    enviados++;
                }
                catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException)
                {
                    Reprogramar(correo, ex);
                }
            }

            await smtp.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
        {
            log.LogWarning(ex, "Servidor SMTP {Host}:{Port} no disponible; se reintentará", o.Host, o.Port);
            foreach (var correo in pendientes.Where(c => c.Enviado is null))
                Reprogramar(correo, ex);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return enviados;
    }

    private void Reprogramar(CorreoSaliente correo, Exception ex)
    {
        correo.Intentos++;
        correo.UltimoError = ex.Message;
        correo.ProximoIntento = reloj.GetUtcNow() + TimeSpan.FromSeconds(30 * Math.Pow(2, correo.Intentos - 1));
    }

    private static MimeMessage Mensaje(CorreoSaliente correo, OpcionesSmtp o)
    {
        var mensaje = new MimeMessage();
        mensaje.From.Add(new MailboxAddress(o.NombreRemitente, o.Remitente));
        mensaje.To.Add(MailboxAddress.Parse(correo.Para));
        mensaje.Subject = correo.Asunto;
        mensaje.Body = new BodyBuilder { HtmlBody = correo.Html, TextBody = correo.Texto }.ToMessageBody();
        return mensaje;
    }
}
