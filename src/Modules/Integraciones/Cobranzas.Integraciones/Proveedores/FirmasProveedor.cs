using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cobranzas.Integraciones.Proveedores;

/// <summary>Helpers the adapters share to read signed notifications: headers, <c>k=v,k=v</c> signature headers, HMAC, timestamps.</summary>
public static class FirmasProveedor
{
    /// <summary>How old (or how far in the future) a signed notification's timestamp may be.</summary>
    public static readonly TimeSpan Tolerancia = TimeSpan.FromMinutes(5);

    public static string? Valor(IReadOnlyDictionary<string, string> valores, string nombre)
    {
        if (valores.TryGetValue(nombre, out var exacto))
            return exacto;
        foreach (var (clave, valor) in valores)
        {
            if (string.Equals(clave, nombre, StringComparison.OrdinalIgnoreCase))
                return valor;
        }
        return null;
    }

    /// <summary>Parses <c>t=123,s=abc</c> (Khipu) or <c>ts=123,v1=abc</c> (Mercado Pago); a value may itself contain '='.</summary>
    public static Dictionary<string, string> Partes(string encabezado)
    {
        var partes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parte in encabezado.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var igual = parte.IndexOf('=');
            if (igual > 0)
                partes[parte[..igual].Trim()] = parte[(igual + 1)..].Trim();
        }
        return partes;
    }

    public static byte[] Hmac(string secreto, string mensaje) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secreto), Encoding.UTF8.GetBytes(mensaje));

    public static bool Iguales(byte[] esperado, byte[] recibido) => CryptographicOperations.FixedTimeEquals(esperado, recibido);

    /// <summary>
    /// A Unix timestamp in seconds or in milliseconds (the providers' examples use both): anything above 10^11 is taken as
    /// milliseconds. Null when it is not a number.
    /// </summary>
    public static DateTimeOffset? Instante(string? marca)
    {
        if (!long.TryParse(marca, NumberStyles.None, CultureInfo.InvariantCulture, out var valor))
            return null;
        try
        {
            return valor > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(valor) : DateTimeOffset.FromUnixTimeSeconds(valor);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static bool DentroDeTolerancia(DateTimeOffset instante, TimeProvider reloj) =>
        (reloj.GetUtcNow() - instante).Duration() <= Tolerancia;

    /// <summary>The provider's base URL with a trailing slash, so that relative paths append to it.</summary>
    public static Uri Ruta(Uri urlBase, string relativa)
    {
        var texto = urlBase.ToString();
        return new Uri(new Uri(texto.EndsWith('/') ? texto : texto + "/"), relativa);
    }

    public static string Credencial(ConexionProveedor conexion, string nombre) =>
        Valor(conexion.Credenciales, nombre) is { Length: > 0 } valor
            ? valor
            : throw new InvalidOperationException($"Falta la credencial '{nombre}' del proveedor.");

    /// <summary>Turns a provider's non-success answer into an exception that names the call and the status (the caller retries).</summary>
    public static async Task AsegurarExitoAsync(HttpResponseMessage respuesta, string operacion, CancellationToken ct)
    {
        if (respuesta.IsSuccessStatusCode)
            return;
        var cuerpo = await respuesta.Content.ReadAsStringAsync(ct);
        if (cuerpo.Length > 500)
            cuerpo = cuerpo[..500];
        throw new HttpRequestException($"{operacion}: el proveedor respondió {(int)respuesta.StatusCode}. {cuerpo}", null, respuesta.StatusCode);
    }
}
