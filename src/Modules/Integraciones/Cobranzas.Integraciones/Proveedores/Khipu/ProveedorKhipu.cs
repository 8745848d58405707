// Khipu instant payments API v3, written against:
//   https://docs.khipu.com/en/apis/v3/instant-payments/openapi/other/getpaymentbyid.md (GET /v3/payments/{id}, header x-api-key)
//   https://docs.khipu.com/portal/en/payment-webhook (notifications 3.0: notify_url + notify_api_version "3.0", signed JSON body)
// The docs say: a notification carries the payment data itself (the 2.0 notification_token flow is gone), Khipu retries for
// up to two days until it gets a 200, and payment_id is the key to deduplicate repeated notifications. The signature header
// x-khipu-signature is "t=<timestamp>,s=<base64 HMAC-SHA256 of "t.body" with the merchant secret>"; Khipu's examples use a
// Unix timestamp in milliseconds, so both seconds and milliseconds are accepted. v3 has no "expired" status: a payment stays
// "pending" past its expires_date, which is read here as expired.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cobranzas.Integraciones.Proveedores.Khipu;

public sealed class ProveedorKhipu(IHttpClientFactory fabrica, TimeProvider reloj) : IProveedorPago
{
    public const string NombreCliente = "proveedor-khipu";

    public const string CampoApiKey = "apiKey";

    public const string CampoSecreto = "secreto";

    public string Codigo => "khipu";

    public IReadOnlyList<CampoCredencial> CamposCredenciales { get; } =
    [
        new(CampoApiKey, "API key de la cuenta de cobro", true),
        new(CampoSecreto, "Llave secreta de la cuenta de cobro (firma de las notificaciones)", true),
    ];

    public async Task<VerificacionCredenciales> VerificarCredencialesAsync(ConexionProveedor conexion, CancellationToken ct)
    {
        if (FirmasProveedor.Valor(conexion.Credenciales, CampoApiKey) is not { Length: > 0 })
            return new(false, "Falta la API key.");
        if (FirmasProveedor.Valor(conexion.Credenciales, CampoSecreto) is not { Length: > 0 })
            return new(false, "Falta la llave secreta.");
        // The bank list is the cheapest authenticated call of the v3 API.
        using var respuesta = await Enviar(conexion, HttpMethod.Get, "v3/banks", null, ct);
        if (respuesta.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new(false, "Khipu rechazó la API key.");
        await FirmasProveedor.AsegurarExitoAsync(respuesta, "Khipu GET /v3/banks", ct);
        return new(true, null);
    }

    public async Task<CobroCreado> CrearCobroAsync(ConexionProveedor conexion, SolicitudCobro solicitud, CancellationToken ct)
    {
        var cuerpo = new JsonObject
        {
            ["subject"] = solicitud.Asunto,
            ["amount"] = solicitud.Monto,
            ["currency"] = solicitud.Moneda,
            ["transaction_id"] = solicitud.Referencia,
            ["notify_url"] = solicitud.UrlNotificacion.ToString(),
            ["notify_api_version"] = "3.0",
            ["return_url"] = solicitud.UrlRetorno.ToString(),
            ["cancel_url"] = solicitud.UrlRetorno.ToString(),
            ["expires_date"] = solicitud.Expira.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        if (solicitud.EmailPagador is { Length: > 0 } email)
            cuerpo["payer_email"] = email;
        using var respuesta = await Enviar(conexion, HttpMethod.Post, "v3/payments", cuerpo, ct);
        await FirmasProveedor.AsegurarExitoAsync(respuesta, "Khipu POST /v3/payments", ct);
        var creado = await respuesta.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new HttpRequestException("Khipu POST /v3/payments: respuesta vacía.");
        return new CobroCreado((string)creado["payment_id"]!, new Uri((string)creado["payment_url"]!));
    }

    public Task<NotificacionLeida> LeerNotificacionAsync(ConexionProveedor conexion, NotificacionEntrante notificacion, CancellationToken ct)
    {
        var secreto = FirmasProveedor.Credencial(conexion, CampoSecreto);
        if (FirmasProveedor.Valor(notificacion.Encabezados, "x-khipu-signature") is not { Length: > 0 } encabezado)
            return Task.FromResult(NotificacionLeida.Rechazo("Notificación de Khipu sin firma (x-khipu-signature)."));
        var partes = FirmasProveedor.Partes(encabezado);
        if (!partes.TryGetValue("t", out var marca) || !partes.TryGetValue("s", out var firma))
            return Task.FromResult(NotificacionLeida.Rechazo("Firma de Khipu mal formada."));
        byte[] recibida;
        try
        {
            recibida = Convert.FromBase64String(firma);
        }
        catch (FormatException)
        {
            return Task.FromResult(NotificacionLeida.Rechazo("Firma de Khipu mal formada."));
        }
        if (!FirmasProveedor.Iguales(FirmasProveedor.Hmac(secreto, $"{marca}.{notificacion.Cuerpo}"), recibida))
            return Task.FromResult(NotificacionLeida.Rechazo("Firma de Khipu inválida."));
        if (FirmasProveedor.Instante(marca) is not { } instante || !FirmasProveedor.DentroDeTolerancia(instante, reloj))
            return Task.FromResult(NotificacionLeida.Rechazo("Notificación de Khipu fuera de la tolerancia de tiempo."));
        string? idPago;
        try
        {
            idPago = JsonNode.Parse(notificacion.Cuerpo)?["payment_id"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            idPago = null;
        }
        return Task.FromResult(idPago is { Length: > 0 }
            ? NotificacionLeida.Valida(idPago)
            : NotificacionLeida.Rechazo("Notificación de Khipu sin payment_id."));
    }

    public async Task<EstadoCobro> ConsultarEstadoAsync(ConexionProveedor conexion, string referencia, CancellationToken ct)
    {
        using var respuesta = await Enviar(conexion, HttpMethod.Get, $"v3/payments/{Uri.EscapeDataString(referencia)}", null, ct);
        await FirmasProveedor.AsegurarExitoAsync(respuesta, "Khipu GET /v3/payments/{id}", ct);
        var pago = await respuesta.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new HttpRequestException("Khipu GET /v3/payments/{id}: respuesta vacía.");
        var estado = (string?)pago["status"];
        var detalle = (string?)pago["status_detail"];
        var vence = Fecha(pago["expires_date"]);
        var resultado = detalle switch
        {
            "rejected-by-payer" or "marked-as-abuse" => EstadoPagoProveedor.Rechazado,
            "reversed" => EstadoPagoProveedor.Anulado,
            _ when estado == "done" => EstadoPagoProveedor.Pagado,
            _ when vence is { } v && v < reloj.GetUtcNow() => EstadoPagoProveedor.Expirado,
            _ => EstadoPagoProveedor.Pendiente,
        };
        return new EstadoCobro(
            resultado, (string?)pago["payment_id"] ?? referencia, (string?)pago["transaction_id"], (decimal?)pago["amount"],
            (string?)pago["currency"], resultado == EstadoPagoProveedor.Pagado ? Fecha(pago["conciliation_date"]) : null,
            $"{estado}/{detalle}");
    }

    private static DateTimeOffset? Fecha(JsonNode? nodo) =>
        nodo is JsonValue valor && valor.TryGetValue<string>(out var texto)
        && DateTimeOffset.TryParse(texto, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fecha)
            ? fecha
            : null;

    private async Task<HttpResponseMessage> Enviar(ConexionProveedor conexion, HttpMethod metodo, string ruta, JsonObject? cuerpo, CancellationToken ct)
    {
        using var solicitud = new HttpRequestMessage(metodo, FirmasProveedor.Ruta(conexion.UrlBase, ruta));
        solicitud.Headers.Add("x-api-key", FirmasProveedor.Credencial(conexion, CampoApiKey));
        if (cuerpo is not null)
            solicitud.Content = JsonContent.Create(cuerpo);
        return await fabrica.CreateClient(NombreCliente).SendAsync(solicitud, ct);
    }
}
