namespace Cobranzas.Api.Infraestructura;

/// <summary>
/// Browser protections on every answer, API and SPA alike, set when the answer starts so error pages keep them.
/// The SPA's build loads scripts only from files (no inline script); styles stay inline-capable because Mantine
/// writes its CSS variables in a style element. Swagger UI's page needs nothing more, so it shares the policy.
/// </summary>
public static class EncabezadosSeguridad
{
    public const string PoliticaContenido =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseEncabezadosSeguridad(this IApplicationBuilder app) => app.Use((http, siguiente) =>
    {
        http.Response.OnStarting(() =>
        {
            var encabezados = http.Response.Headers;
            encabezados.ContentSecurityPolicy = PoliticaContenido;
            encabezados.XContentTypeOptions = "nosniff";
            encabezados.XFrameOptions = "DENY";
            encabezados["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return siguiente(http);
    });
}
