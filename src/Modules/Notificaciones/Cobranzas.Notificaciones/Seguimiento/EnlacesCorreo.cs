using Cobranzas.Notificaciones.Envios;
using Cobranzas.Notificaciones.Persistencia;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>
/// The base of every public link a mail carries, under <c>Notificaciones:UrlPublica</c> (else <c>App:UrlPublica</c>, else the current
/// request's host, else http://localhost:5080): a mail is read outside the SPA, so its links must be absolute.
/// </summary>
public sealed class UrlPublicaCorreo(IConfiguration configuracion, IHttpContextAccessor http)
{
    public string Base()
    {
        var configurada = configuracion["Notificaciones:UrlPublica"] ?? configuracion["App:UrlPublica"];
        if (!string.IsNullOrWhiteSpace(configurada))
            return configurada.TrimEnd('/');
        return http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}" : "http://localhost:5080";
    }
}

/// <summary>The tracking and unsubscribe links of a message.</summary>
public sealed class EnlacesCorreo(TokensSeguimiento tokens, UrlPublicaCorreo urlPublica) : IEnlacesCorreo
{
    // Read once per scope: a run or a drain signs thousands of links.
    private string Base => field ??= urlPublica.Base();

    public const string Ruta = "/api/v1/notificaciones/publico";

    public string Baja(Guid empresaId, Guid envioId) => Url("baja", tokens.Crear(TokensSeguimiento.Baja, empresaId, envioId));

    public string RaizBaja() => $"{Base}{Ruta}/baja/";

    public string Apertura(Guid empresaId, Guid envioId) => Url("apertura", tokens.Crear(TokensSeguimiento.Apertura, empresaId, envioId));

    public string Clic(Guid empresaId, Guid envioId, string url) => Url("clic", tokens.Crear(TokensSeguimiento.Clic, empresaId, envioId, url));

    private string Url(string tipo, string token) => $"{Base}{Ruta}/{tipo}/{token}";
}
