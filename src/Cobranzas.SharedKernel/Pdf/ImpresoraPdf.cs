using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Cobranzas.SharedKernel.Pdf;

/// <summary>
/// Prints HTML to PDF with the system's headless Chromium through Microsoft.Playwright (its bundled
/// driver, never a browser download). The browser path comes from <c>Pdf:Chromium</c>. Shared by every module that prints
/// (the statement of account, the escalation letters), so the concurrency limit below holds for the whole host.
/// </summary>
public sealed class ImpresoraPdf(IConfiguration configuracion, ILogger<ImpresoraPdf> log)
{
    public const string RutaPorDefecto = "/usr/bin/chromium";

    private static readonly string[] Argumentos =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    // Each print launches its own browser; a few at a time keep memory bounded.
    private static readonly SemaphoreSlim Turnos = new(2);

    public string RutaChromium => configuracion["Pdf:Chromium"] is { Length: > 0 } ruta ? ruta : RutaPorDefecto;

    public async Task<byte[]> ImprimirAsync(string html, CancellationToken ct)
    {
        await Turnos.WaitAsync(ct);
        try
        {
            var inicio = System.Diagnostics.Stopwatch.GetTimestamp();
            using var playwright = await Playwright.CreateAsync();
            await using var navegador = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = RutaChromium, Headless = true, Args = Argumentos, Timeout = 30_000,
            });
            var pagina = await navegador.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
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
            Turnos.Release();
        }
    }
}
