using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>What a tracking or unsubscribe token says: the company, the message, and for a click the only URL it may redirect to.</summary>
public sealed record DatosToken(Guid EmpresaId, Guid EnvioId, string? Url);

/// <summary>
/// Tokens of the public links, made and read by ASP.NET Data Protection (authenticated encryption, key ring shared by the replicas in
/// PostgreSQL), one purpose per kind of link: an open token is not an unsubscribe token, and a forged or altered one reads as nothing.
/// </summary>
public sealed class TokensSeguimiento(IDataProtectionProvider proveedor)
{
    public const string Apertura = "apertura";
    public const string Clic = "clic";
    public const string Baja = "baja";
    public const int LargoMaximo = 4000;

    // One protector per kind for the process (a protector caches its purposes' digest; a new one per token recomputed it every time).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IDataProtector> _protectores = new();

    private IDataProtector Protector(string tipo) => _protectores.GetOrAdd(tipo, t => proveedor.CreateProtector("Cobranzas.Notificaciones.Seguimiento", t));

    public string Crear(string tipo, Guid empresaId, Guid envioId, string? url = null)
    {
        var datos = $"{empresaId:N}|{envioId:N}|{url}";
        return WebEncoders.Base64UrlEncode(Protector(tipo).Protect(Encoding.UTF8.GetBytes(datos)));
    }

    public DatosToken? Leer(string tipo, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > LargoMaximo)
            return null;
        try
        {
            var partes = Encoding.UTF8.GetString(Protector(tipo).Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|', 3);
            return partes.Length == 3 && Guid.TryParseExact(partes[0], "N", out var empresa) && Guid.TryParseExact(partes[1], "N", out var envio)
                ? new DatosToken(empresa, envio, partes[2].Length == 0 ? null : partes[2])
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
