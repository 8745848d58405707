using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Cobranzas.SharedKernel.Pdf;

/// <summary>
/// Prints HTML to PDF with the system's headless Chromium through Microsoft.Playwright (its bundled
/// driver, never a browser download). The browser path comes from <c>Pdf:Chromium</c>. Shared by every module that prints
/// (the statement of account, the escalation letters) as one singleton, so the browser and the concurrency limit are the host's.
/// </summary>
public sealed class ImpresoraPdf(IConfiguration configuracion, ILogger<ImpresoraPdf> log) : IAsyncDisposable
{
    public const string RutaPorDefecto = "/usr/bin/chromium";

    private static readonly string[] Argumentos =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    // One browser for the host, started on the first print (starting Chromium costs seconds; a run of the escalation
    // policy prints many letters); each print gets its own context, and a few pages at a time keep memory bounded.
    private readonly SemaphoreSlim _turnos = new(2);
    private readonly SemaphoreSlim _arranque = new(1);
    private IPlaywright? _playwright;
    private IBrowser? _navegador;

    public string RutaChromium => configuracion["Pdf:Chromium"] is { Length: > 0 } ruta ? ruta : RutaPorDefecto;

    public async Task<byte[]> ImprimirAsync(string html, CancellationToken ct)
    {
        await _turnos.WaitAsync(ct);
        try
        {
            var inicio = System.Diagnostics.Stopwatch.GetTimestamp();
            var navegador = await NavegadorAsync(ct);
            await using var contexto = await navegador.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
            var pagina = await contexto.NewPageAsync();
            // The template is self-contained: nothing may be fetched from the network.
            await pagina.RouteAsync("**/*", r => r.AbortAsync());
            await pagina.SetContentAsync(html, new PageSetContentOptions { Timeout = 30_000 });
            ct.ThrowIfCancellationRequested();
            var pdf = await pagina.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
            log.LogInformation("Documento impreso en PDF ({Bytes} bytes, {Ms} ms)", pdf.Length,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(inicio).TotalMilliseconds);
            return pdf;
        }
        finally
        {
            _turnos.Release();
        }
    }

    /// <summary>The running browser, started again if it was never started or has gone away (a crash, a killed process).</summary>
    private async Task<IBrowser> NavegadorAsync(CancellationToken ct)
    {
        if (_navegador is { IsConnected: true } activo)
            return activo;
        await _arranque.WaitAsync(ct);
        try
        {
            if (_navegador is { IsConnected: true } yaActivo)
                return yaActivo;
            if (_navegador is not null)
                await _navegador.DisposeAsync();
            _playwright ??= await Playwright.CreateAsync();
            _navegador = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = RutaChromium, Headless = true, Args = Argumentos, Timeout = 30_000,
            });
            return _navegador;
        }
        finally
        {
            _arranque.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_navegador is not null)
            await _navegador.DisposeAsync();
        _playwright?.Dispose();
    }
}
