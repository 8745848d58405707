using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cobranzas.SharedKernel.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Cobranzas.Integraciones.Proveedores.Flow;

/// <summary>
/// Flow (flow.cl) REST API v1, written against its published documentation:
/// https://developers.flow.cl/api (base URLs, authentication by apiKey + signature),
/// https://developers.flow.cl/docs/tutorial-basics/create-order (<c>POST payment/create</c>, form-encoded; the payer goes to
/// <c>url + "?token=" + token</c>; Flow posts <c>token</c> to <c>urlConfirmation</c>, unsigned) and
/// https://developers.flow.cl/en/docs/tutorial-basics/status (<c>GET payment/getStatus</c>; status 1 pendiente, 2 pagada,
/// 3 rechazada, 4 anulada). Every call carries <c>s</c>: hex HMAC-SHA256 with the secretKey of the parameters sorted by name,
/// each as name followed by value, concatenated.
/// </summary>
public sealed class ProveedorFlow(IHttpClientFactory clientes) : IProveedorPago
{
    public string Codigo => "flow";

    public IReadOnlyList<CampoCredencial> CamposCredenciales { get; } =
        [new("apiKey", "API Key", false), new("secretKey", "Secret Key", true)];

    public static string Firmar(IEnumerable<KeyValuePair<string, string>> parametros, string secretKey)
    {
        var texto = string.Concat(parametros.Where(p => p.Key != "s").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(texto)));
    }

    private static Dictionary<string, string> Firmados(ConexionProveedor c, Dictionary<string, string> p)
    {
        p["apiKey"] = c.Credenciales.GetValueOrDefault("apiKey") ?? "";
        p["s"] = Firmar(p, c.Credenciales.GetValueOrDefault("secretKey") ?? "");
        return p;
    }

    private HttpClient Cliente(ConexionProveedor c)
    {
        var http = clientes.CreateClient(ConexionesProveedor.ClienteHttp);
        http.BaseAddress = c.UrlBase;
        return http;
    }

    private async Task<HttpResponseMessage> ConsultarAsync(ConexionProveedor c, string ruta, Dictionary<string, string> p, CancellationToken ct) =>
        await Cliente(c).GetAsync(QueryHelpers.AddQueryString(ruta, Firmados(c, p)!), ct);

    public async Task<VerificacionCredenciales> VerificarCredencialesAsync(ConexionProveedor conexion, CancellationToken ct)
    {
        // The cheapest signed call: the status of an order that does not exist. Bad apiKey or signature is 401; an unknown
        // order with good credentials is a 400 "order not found".
        using var r = await ConsultarAsync(conexion, "payment/getStatusByCommerceId", new() { ["commerceOrder"] = "verificacion-credenciales" }, ct);
        if (r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new VerificacionCredenciales(false, $"Flow rechazó las credenciales: {await MensajeAsync(r, ct)}");
        if ((int)r.StatusCode >= 500)
            throw new HttpRequestException($"Flow respondió {(int)r.StatusCode}", null, r.StatusCode);
        return new VerificacionCredenciales(true, null);
    }

    public async Task<CobroCreado> CrearCobroAsync(ConexionProveedor conexion, SolicitudCobro s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(s.EmailPagador))
            throw new ReglaNegocioException("emailPagador", "requerido", "Flow exige el email del pagador: indíquelo o registre un contacto con email en el cliente.");
        var p = new Dictionary<string, string>
        {
            ["commerceOrder"] = s.Referencia,
            ["subject"] = s.Asunto,
            ["currency"] = s.Moneda,
            ["amount"] = s.Monto.ToString("0.####", CultureInfo.InvariantCulture),
            ["email"] = s.EmailPagador,
            ["urlConfirmation"] = s.UrlNotificacion.AbsoluteUri,
            ["urlReturn"] = s.UrlRetorno.AbsoluteUri,
            ["timeout"] = Math.Max(60, (long)(s.Expira - DateTimeOffset.UtcNow).TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
        using var r = await Cliente(conexion).PostAsync("payment/create", new FormUrlEncodedContent(Firmados(conexion, p)), ct);
        if (!r.IsSuccessStatusCode)
            throw (int)r.StatusCode >= 500
                ? new HttpRequestException($"Flow respondió {(int)r.StatusCode}", null, r.StatusCode)
                : new ReglaNegocioException("proveedor", "cobro_rechazado", $"Flow rechazó el cobro: {await MensajeAsync(r, ct)}");
        using var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct));
        var token = json.RootElement.GetProperty("token").GetString()!;
        var url = json.RootElement.GetProperty("url").GetString()!;
        return new CobroCreado(token, new Uri($"{url}?token={Uri.EscapeDataString(token)}"));
    }

    public Task<NotificacionLeida> LeerNotificacionAsync(ConexionProveedor conexion, NotificacionEntrante n, CancellationToken ct)
    {
        // Flow's confirmation is unsigned on purpose: it only names the token, and getStatus (signed) says what happened.
        var token = n.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? QueryHelpers.ParseQuery(n.Cuerpo).GetValueOrDefault("token").ToString()
            : n.Consulta.GetValueOrDefault("token");
        return Task.FromResult(string.IsNullOrWhiteSpace(token) || token.Length > 200
            ? NotificacionLeida.Rechazo("La confirmación de Flow no trae token.")
            : NotificacionLeida.Valida(token));
    }

    public async Task<EstadoCobro> ConsultarEstadoAsync(ConexionProveedor conexion, string referencia, CancellationToken ct)
    {
        using var r = await ConsultarAsync(conexion, "payment/getStatus", new() { ["token"] = referencia }, ct);
        if (!r.IsSuccessStatusCode)
            throw new HttpRequestException($"Flow respondió {(int)r.StatusCode} a getStatus: {await MensajeAsync(r, ct)}", null, r.StatusCode);
        using var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct));
        var raiz = json.RootElement;
        var estado = raiz.GetProperty("status").GetInt32() switch
        {
            2 => EstadoPagoProveedor.Pagado,
            3 => EstadoPagoProveedor.Rechazado,
            4 => EstadoPagoProveedor.Anulado,
            _ => EstadoPagoProveedor.Pendiente,
        };
        DateTimeOffset? fecha = null;
        if (raiz.TryGetProperty("paymentData", out var datos) && datos.ValueKind == JsonValueKind.Object
            && datos.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String
            && DateTime.TryParseExact(d.GetString(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            fecha = new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("America/Santiago").GetUtcOffset(local));
        var flowOrder = raiz.TryGetProperty("flowOrder", out var o) ? o.ToString() : null;
        return new EstadoCobro(
            estado, flowOrder, raiz.TryGetProperty("commerceOrder", out var co) ? co.GetString() : null,
            raiz.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : null,
            raiz.TryGetProperty("currency", out var m) ? m.GetString() : null, fecha, $"Flow status {raiz.GetProperty("status").GetInt32()}");
    }

    private static async Task<string> MensajeAsync(HttpResponseMessage r, CancellationToken ct)
    {
        var cuerpo = await r.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(cuerpo);
            return json.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? cuerpo : cuerpo;
        }
        catch (JsonException)
        {
            return $"HTTP {(int)r.StatusCode}";
        }
    }
}
