using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Cobranzas.SharedKernel.Correo;

/// <summary>The one way the host connects to its SMTP server (the platform's outbox, Notificaciones' sender and its test mails).</summary>
public static class ConexionSmtp
{
    /// <summary>
    /// Connects (STARTTLS when configured) and authenticates when a user is configured, on a socket with Nagle's algorithm off:
    /// MailKit writes the closing "." of DATA as a small segment of its own, which Nagle holds until the server's delayed ACK
    /// (40 ms on Linux), so every message of a reused connection waited 40 ms (22 mails/s).
    /// </summary>
    public static async Task ConectarAsync(SmtpClient smtp, OpcionesSmtp o, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(o.Host, o.Port, ct);
            await smtp.ConnectAsync(socket, o.Host, o.Port, o.Tls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (!string.IsNullOrEmpty(o.Usuario))
            await smtp.AuthenticateAsync(o.Usuario, o.Password ?? "", ct);
    }
}
