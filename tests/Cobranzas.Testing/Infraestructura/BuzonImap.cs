using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Cobranzas.Testing.Infraestructura;

/// <summary>
/// The real replies mailbox: dovecot from build/test.sh (COBRANZAS_TEST_IMAP_PORT, _USER, _PASSWORD), or one started here with the
/// configuration of build/lib/imap.sh when those variables are missing. Tests deliver replies into it with IMAP APPEND.
/// </summary>
public sealed class BuzonImap : IAsyncDisposable
{
    private Process? _proceso;
    private string? _carpeta;

    private BuzonImap(int puerto, string usuario, string password)
    {
        Puerto = puerto;
        Usuario = usuario;
        Password = password;
    }

    public int Puerto { get; }
    public string Usuario { get; }
    public string Password { get; }

    public static async Task<BuzonImap?> ObtenerAsync()
    {
        var puerto = Environment.GetEnvironmentVariable("COBRANZAS_TEST_IMAP_PORT");
        if (!string.IsNullOrWhiteSpace(puerto))
        {
            return new BuzonImap(int.Parse(puerto), Environment.GetEnvironmentVariable("COBRANZAS_TEST_IMAP_USER") ?? "respuestas",
                Environment.GetEnvironmentVariable("COBRANZAS_TEST_IMAP_PASSWORD") ?? "respuestas-pruebas");
        }

        if (!File.Exists("/usr/sbin/dovecot"))
            return null;
        var buzon = new BuzonImap(Procesos.PuertoLibre(), "respuestas", "respuestas-pruebas");
        await buzon.IniciarPropioAsync();
        return buzon;
    }

    private async Task IniciarPropioAsync()
    {
        _carpeta = Path.Combine(Path.GetTempPath(), $"cobranzas-imap-{Environment.ProcessId}-{Puerto}");
        Directory.CreateDirectory(_carpeta);
        var script = Path.Combine(RaizRepositorio.Ruta, "build", "lib", "imap.sh");
        await Procesos.EjecutarAsync("bash", ["-c", $"source '{script}' && imap_write_config '{_carpeta}' {Puerto}"]);
        var inicio = new ProcessStartInfo("/usr/sbin/dovecot") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-F", "-c", Path.Combine(_carpeta, "dovecot.conf") })
            inicio.ArgumentList.Add(a);
        _proceso = Process.Start(inicio) ?? throw new InvalidOperationException("No se pudo iniciar dovecot.");
        _proceso.OutputDataReceived += (_, _) => { };
        _proceso.ErrorDataReceived += (_, _) => { };
        _proceso.BeginOutputReadLine();
        _proceso.BeginErrorReadLine();

        var limite = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < limite && !_proceso.HasExited)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", Puerto);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"dovecot no respondió en 127.0.0.1:{Puerto} (log: {_carpeta}/dovecot.log).");
    }

    private async Task<ImapClient> ConectarAsync()
    {
        var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", Puerto, SecureSocketOptions.None);
        await imap.AuthenticateAsync(Usuario, Password);
        return imap;
    }

    /// <summary>Puts a message in the inbox as a mail server would deliver it.</summary>
    public async Task EntregarAsync(MimeMessage mensaje)
    {
        using var imap = await ConectarAsync();
        await imap.Inbox.AppendAsync(mensaje, MessageFlags.None);
        await imap.DisconnectAsync(true);
    }

    /// <summary>Empties the inbox (before a test, since the mailbox outlives the database reset).</summary>
    public async Task VaciarAsync()
    {
        using var imap = await ConectarAsync();
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
        if (imap.Inbox.Count > 0)
        {
            await imap.Inbox.AddFlagsAsync(new UniqueIdRange(UniqueId.MinValue, UniqueId.MaxValue), MessageFlags.Deleted, true);
            await imap.Inbox.ExpungeAsync();
        }

        await imap.DisconnectAsync(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_proceso is { HasExited: false })
        {
            _proceso.Kill();
            await _proceso.WaitForExitAsync();
        }

        _proceso?.Dispose();
        if (_carpeta is not null)
        {
            try
            {
                Directory.Delete(_carpeta, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
