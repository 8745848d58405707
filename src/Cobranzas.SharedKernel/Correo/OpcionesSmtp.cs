namespace Cobranzas.SharedKernel.Correo;

/// <summary>The SMTP server (config <c>Smtp:*</c>), shared by the platform's outbox and Notificaciones' sender.</summary>
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
