using System.Security.Cryptography;
using System.Text;

namespace Cobranzas.Integraciones.Webhooks;

/// <summary>
/// The signature scheme, Stripe-style: header <c>Cobranzas-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where hex is the
/// lowercase HMAC-SHA256 of <c>"{t}.{body}"</c> (UTF-8) keyed with the UTF-8 bytes of the subscription's secret as shown
/// (<c>whsec_…</c>). A receiver recomputes it over the raw body and rejects stale timestamps.
/// </summary>
public static class FirmaWebhook
{
    public const string Encabezado = "Cobranzas-Signature";
    public const string EncabezadoEvento = "Cobranzas-Event-Id";
    public const string EncabezadoTipo = "Cobranzas-Event-Type";
    public const string PrefijoSecreto = "whsec_";

    public static string NuevoSecreto() => PrefijoSecreto + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Firmar(string secreto, long unix, string cuerpo)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secreto), Encoding.UTF8.GetBytes($"{unix}.{cuerpo}"));
        return $"t={unix},v1={Convert.ToHexStringLower(mac)}";
    }
}
