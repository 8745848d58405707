using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>The public links of a sent message (one-click unsubscribe, open pixel, click redirect), each carrying a signed token.</summary>
public interface IEnlacesCorreo
{
    string Baja(Guid envioId);

    string Apertura(Guid envioId);

    string Clic(Guid envioId, string url);
}

/// <summary>
/// Links under <c>/api/v1/notificaciones/publico/...</c> whose token is the message id (and the target URL for a click) protected by
/// ASP.NET Data Protection, one purpose per kind of link, so a token of one kind never opens another.
/// </summary>
public sealed class EnlacesCorreo(IDataProtectionProvider proteccion, IConfiguration configuracion) : IEnlacesCorreo
{
    public const string Proposito = "Cobranzas.Notificaciones.Enlaces";

    private readonly IDataProtector _baja = proteccion.CreateProtector(Proposito, "baja");
    private readonly IDataProtector _apertura = proteccion.CreateProtector(Proposito, "apertura");
    private readonly IDataProtector _clic = proteccion.CreateProtector(Proposito, "clic");
    private readonly string _base = (configuracion["App:UrlPublica"] ?? "http://127.0.0.1:5080").TrimEnd('/') + "/api/v1/notificaciones/publico";

    public string Baja(Guid envioId) => $"{_base}/baja/{_baja.Protect(envioId.ToString("N"))}";

    public string Apertura(Guid envioId) => $"{_base}/apertura/{_apertura.Protect(envioId.ToString("N"))}";

    public string Clic(Guid envioId, string url) => $"{_base}/clic/{_clic.Protect(envioId.ToString("N") + "|" + url)}";
}
