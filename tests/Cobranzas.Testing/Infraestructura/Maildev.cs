using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cobranzas.Testing.Infraestructura;

public sealed record CorreoRecibido(IReadOnlyList<string> Para, string Asunto, string Html, string Texto);

/// <summary>
/// The real SMTP catcher: maildev from build/test.sh (COBRANZAS_TEST_SMTP_PORT, COBRANZAS_TEST_MAILDEV_URL),
/// or one started here from build/mail when those variables are missing.
/// </summary>
public sealed class Maildev : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly int _puertoWeb;
    private Process? _proceso;
    private bool _listo;

    private Maildev(int puertoSmtp, Uri url, bool propio, int puertoWeb)
    {
        PuertoSmtp = puertoSmtp;
        _http.BaseAddress = url;
        _listo = !propio;
        _puertoWeb = puertoWeb;
    }

    public int PuertoSmtp { get; }

    public static Maildev Obtener()
    {
        var smtp = Environment.GetEnvironmentVariable("COBRANZAS_TEST_SMTP_PORT");
        var url = Environment.GetEnvironmentVariable("COBRANZAS_TEST_MAILDEV_URL");
        if (!string.IsNullOrWhiteSpace(smtp) && !string.IsNullOrWhiteSpace(url))
            return new Maildev(int.Parse(smtp), new Uri(url.TrimEnd('/') + "/"), propio: false, 0);

        var (smtpPropio, web) = Procesos.PuertosLibres(2) is [var a, var b] ? (a, b) : throw new InvalidOperationException();
        return new Maildev(smtpPropio, new Uri($"http://127.0.0.1:{web}/"), propio: true, web);
    }

    /// <summary>
    /// Waits until more than <paramref name="yaRecibidos"/> messages to <paramref name="para"/> are in maildev and answers the
    /// latest one: the SMTP server's 250 comes before maildev lists the message.
    /// </summary>
    public async Task<CorreoRecibido> EsperarCorreoAsync(string para, TimeSpan? espera = null, int yaRecibidos = 0)
    {
        var limite = DateTime.UtcNow + (espera ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var correos = await CorreosParaAsync(para);
            if (correos.Count > yaRecibidos)
                return correos[^1];
            if (DateTime.UtcNow > limite)
                throw new AssertionException($"No llegó ningún correo para {para} a maildev ({_http.BaseAddress}).");
            await Task.Delay(100);
        }
    }

    public async Task<IReadOnlyList<CorreoRecibido>> CorreosParaAsync(string para)
    {
        var correos = await _http.GetFromJsonAsync<JsonArray>("email") ?? [];
        return correos
            .Select(c => new CorreoRecibido(
                c!["to"]!.AsArray().Select(t => (string)t!["address"]!).ToList(),
                (string?)c["subject"] ?? "",
                (string?)c["html"] ?? "",
                (string?)c["text"] ?? ""))
            .Where(c => c.Para.Contains(para, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>The Message-ID headers (without angle brackets) of the messages to <paramref name="para"/>.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsParaAsync(string para)
    {
        var correos = await _http.GetFromJsonAsync<JsonArray>("email") ?? [];
        return correos
            .Where(c => c!["to"]!.AsArray().Any(t => string.Equals((string?)t!["address"], para, StringComparison.OrdinalIgnoreCase)))
            .Select(c => ((string?)c!["messageId"] ?? "").Trim('<', '>'))
            .ToList();
    }

    /// <summary>The messages to <paramref name="para"/> as maildev stores them (headers, messageId, html, text).</summary>
    public async Task<IReadOnlyList<JsonObject>> MensajesParaAsync(string para)
    {
        var correos = await _http.GetFromJsonAsync<JsonArray>("email") ?? [];
        return correos
            .Where(c => c!["to"]!.AsArray().Any(t => string.Equals((string?)t!["address"], para, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c!.AsObject())
            .ToList();
    }

    /// <summary>The bytes of an attachment of a stored message, by maildev's message id and the attachment's generated file name.</summary>
    public async Task<byte[]> AdjuntoAsync(string mensajeId, string archivo) =>
        await _http.GetByteArrayAsync($"email/{mensajeId}/attachment/{Uri.EscapeDataString(archivo)}");

    /// <summary>Starts our own maildev when the run did not give one (before any e-mail is sent).</summary>
    public async Task IniciarAsync()
    {
        if (!_listo)
            await IniciarPropioAsync();
        _listo = true;
    }

    private async Task IniciarPropioAsync()
    {
        var carpeta = Path.Combine(RaizRepositorio.Ruta, "build", "mail");
        var maildev = Path.Combine(carpeta, "node_modules", "maildev", "bin", "maildev");
        var node = Procesos.BuscarEnPath("node")
            ?? throw new InvalidOperationException("Faltan COBRANZAS_TEST_SMTP_PORT/COBRANZAS_TEST_MAILDEV_URL y no hay node para iniciar maildev: use build/test.sh o instale nodejs.");
        if (!File.Exists(maildev))
        {
            try
            {
                await Procesos.EjecutarAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], carpeta, TimeSpan.FromMinutes(5));
            }
            catch (InvalidOperationException)
            {
                // Same fallback as build/lib/common.sh: the registry here lacks other platforms' optional packages.
                await Procesos.EjecutarAsync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error"], carpeta, TimeSpan.FromMinutes(5));
            }
        }

        var inicio = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { maildev, "--smtp", PuertoSmtp.ToString(), "--web", _puertoWeb.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent" })
            inicio.ArgumentList.Add(a);
        _proceso = Process.Start(inicio) ?? throw new InvalidOperationException("No se pudo iniciar maildev.");
        _proceso.OutputDataReceived += (_, _) => { };
        _proceso.ErrorDataReceived += (_, _) => { };
        _proceso.BeginOutputReadLine();
        _proceso.BeginErrorReadLine();

        var limite = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < limite && !_proceso.HasExited)
        {
            try
            {
                if ((await _http.GetAsync("email")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"maildev no respondió en {_http.BaseAddress} (SMTP {PuertoSmtp}).");
    }

    public async ValueTask DisposeAsync()
    {
        if (_proceso is { HasExited: false })
        {
            _proceso.Kill();
            await _proceso.WaitForExitAsync();
        }

        _proceso?.Dispose();
        _http.Dispose();
    }
}
