using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Cobranzas.Portal.Acceso;

/// <summary>Opaque tokens for links and sessions: 256 random bits, stored only as their SHA-256 (a leaked table opens nothing).</summary>
public static class TokensPortal
{
    public static (string Token, string Hash) Nuevo()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class OpcionesPortal
{
    /// <summary>How long a link asked for by e-mail opens a session.</summary>
    public TimeSpan VigenciaEnlace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a link carried by a reminder opens a session (the client may read it days later).</summary>
    public TimeSpan VigenciaEnlaceRecordatorio { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan VigenciaSesion { get; set; } = TimeSpan.FromHours(2);
}
