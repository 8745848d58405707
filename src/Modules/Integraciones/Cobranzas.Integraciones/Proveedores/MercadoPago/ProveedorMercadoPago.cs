// Mercado Pago Checkout Pro, written against:
//   https://www.mercadopago.cl/developers/es/docs/checkout-pro/payment-notifications (webhooks, x-signature validation)
//   https://www.mercadopago.com.mx/developers/es/docs/order/online-payments/notifications (the secret signature)
//   https://www.mercadopago.cl/developers/es/reference (POST /checkout/preferences, GET /v1/payments/{id}, GET /users/me)
// What the docs say that memory did not: data.id for the manifest comes from the notification URL's query string (not only
// the body) and must be lower-cased when alphanumeric; the manifest ends with a ';' and leaves out a part that is absent;
// a notification_url set on the preference also receives unsigned IPN calls (topic/id) unless "source_news=webhooks" is
// appended, so it is appended here; and the docs tie the secret signature to webhooks configured in "Tus integraciones",
// so the company must configure it there for its application (the secret is the one shown on that screen).
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cobranzas.Integraciones.Proveedores.MercadoPago;

public sealed class ProveedorMercadoPago(IHttpClientFactory fabrica, TimeProvider reloj) : IProveedorPago
{
    public const string NombreCliente = "proveedor-mercadopago";

    public const string CampoAccessToken = "accessToken";

    public const string CampoSecretoWebhook = "secretoWebhook";

    public string Codigo => "mercadopago";

    public IReadOnlyList<CampoCredencial> CamposCredenciales { get; } =
    [
        new(CampoAccessToken, "Access token de la aplicación", true),
        new(CampoSecretoWebhook, "Clave secreta de Webhooks (firma de las notificaciones)", true),
    ];

    public async Task<VerificacionCredenciales> VerificarCredencialesAsync(ConexionProveedor conexion, CancellationToken ct)
    {
        if (FirmasProveedor.Valor(conexion.Credenciales, CampoAccessToken) is not { Length: > 0 })
            return new(false, "Falta el access token.");
        if (FirmasProveedor.Valor(conexion.Credenciales, CampoSecretoWebhook) is not { Length: > 0 })
            return new(false, "Falta la clave secreta de Webhooks.");
        using var respuesta = await Enviar(conexion, HttpMethod.Get, "users/me", null, null, ct);
        if (respuesta.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new(false, "Mercado Pago rechazó el access token.");
        await FirmasProveedor.AsegurarExitoAsync(respuesta, "Mercado Pago GET /users/me", ct);
        return new(true, null);
    }

    public async Task<CobroCreado> CrearCobroAsync(ConexionProveedor conexion, SolicitudCobro solicitud, CancellationToken ct)
    {
        var retorno = solicitud.UrlRetorno.ToString();
        var cuerpo = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = solicitud.Referencia,
                ["title"] = solicitud.Asunto,
                ["quantity"] = 1,
                ["currency_id"] = solicitud.Moneda,
                ["unit_price"] = solicitud.Monto,
            }),
            ["external_reference"] = solicitud.Referencia,
            ["notification_url"] = SoloWebhooks(solicitud.UrlNotificacion),
            ["back_urls"] = new JsonObject { ["success"] = retorno, ["failure"] = retorno, ["pending"] = retorno },
            ["auto_return"] = "approved",
            ["expires"] = true,
            ["expiration_date_to"] = solicitud.Expira.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["date_of_expiration"] = solicitud.Expira.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        };
        if (solicitud.EmailPagador is { Length: > 0 } email)
            cuerpo["payer"] = new JsonObject { ["email"] = email };
        using var respuesta = await Enviar(conexion, HttpMethod.Post, "checkout/preferences", cuerpo, solicitud.ClaveIdempotencia, ct);
        await FirmasProveedor.AsegurarExitoAsync(respuesta, "Mercado Pago POST /checkout/preferences", ct);
        var preferencia = await respuesta.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new HttpRequestException("Mercado Pago POST /checkout/preferences: respuesta vacía.");
        return new CobroCreado((string)preferencia["id"]!, new Uri((string)preferencia["init_point"]!));
    }

    public Task<NotificacionLeida> LeerNotificacionAsync(ConexionProveedor conexion, NotificacionEntrante notificacion, CancellationToken ct) =>
        Task.FromResult(Leer(FirmasProveedor.Credencial(conexion, CampoSecretoWebhook), notificacion));

    private NotificacionLeida Leer(string secreto, NotificacionEntrante notificacion)
    {
        JsonNode? cuerpo = null;
        try
        {
            cuerpo = notificacion.Cuerpo.Length > 0 ? JsonNode.Parse(notificacion.Cuerpo) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        var tipo = FirmasProveedor.Valor(notificacion.Consulta, "type") ?? Texto(cuerpo?["type"]);
        var idDato = FirmasProveedor.Valor(notificacion.Consulta, "data.id") ?? Texto(cuerpo?["data"]?["id"]);
        if (FirmasProveedor.Valor(notificacion.Encabezados, "x-signature") is not { Length: > 0 } encabezado)
            return NotificacionLeida.Rechazo("Notificación de Mercado Pago sin firma (x-signature).");
        var partes = FirmasProveedor.Partes(encabezado);
        if (!partes.TryGetValue("ts", out var marca) || !partes.TryGetValue("v1", out var firma) || !EsHex(firma))
            return NotificacionLeida.Rechazo("Firma de Mercado Pago mal formada.");
        var manifiesto = Manifiesto(idDato, FirmasProveedor.Valor(notificacion.Encabezados, "x-request-id"), marca);
        if (!FirmasProveedor.Iguales(FirmasProveedor.Hmac(secreto, manifiesto), Convert.FromHexString(firma)))
            return NotificacionLeida.Rechazo("Firma de Mercado Pago inválida.");
        if (FirmasProveedor.Instante(marca) is not { } instante || !FirmasProveedor.DentroDeTolerancia(instante, reloj))
            return NotificacionLeida.Rechazo("Notificación de Mercado Pago fuera de la tolerancia de tiempo.");
        if (tipo != "payment")
            return NotificacionLeida.Rechazo($"Notificación de Mercado Pago de tipo '{tipo}', no de un pago.");
        return idDato is { Length: > 0 }
            ? NotificacionLeida.Valida(idDato)
            : NotificacionLeida.Rechazo("Notificación de Mercado Pago sin data.id.");
    }

    /// <summary>The signed template <c>id:[data.id];request-id:[x-request-id];ts:[ts];</c>, leaving out the parts that are absent.</summary>
    public static string Manifiesto(string? idDato, string? idSolicitud, string marca)
    {
        var manifiesto = "";
        if (idDato is { Length: > 0 })
            manifiesto += $"id:{(idDato.All(char.IsAsciiLetterOrDigit) ? idDato.ToLowerInvariant() : idDato)};";
        if (idSolicitud is { Length: > 0 })
            manifiesto += $"request-id:{idSolicitud};";
        return manifiesto + $"ts:{marca};";
    }

    public async Task<EstadoCobro> ConsultarEstadoAsync(ConexionProveedor conexion, string referencia, CancellationToken ct)
    {
        using var respuesta = await Enviar(conexion, HttpMethod.Get, $"v1/payments/{Uri.EscapeDataString(referencia)}", null, null, ct);
        await FirmasProveedor.AsegurarExitoAsync(respuesta, "Mercado Pago GET /v1/payments/{id}", ct);
        var pago = await respuesta.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new HttpRequestException("Mercado Pago GET /v1/payments/{id}: respuesta vacía.");
        var estado = (string?)pago["status"];
        var detalle = (string?)pago["status_detail"];
        var resultado = estado switch
        {
            "approved" => EstadoPagoProveedor.Pagado,
            "rejected" => EstadoPagoProveedor.Rechazado,
            "cancelled" when detalle == "expired" => EstadoPagoProveedor.Expirado,
            "cancelled" or "refunded" or "charged_back" => EstadoPagoProveedor.Anulado,
            _ => EstadoPagoProveedor.Pendiente, // pending, in_process, in_mediation, authorized
        };
        return new EstadoCobro(
            resultado, Texto(pago["id"]) ?? referencia, (string?)pago["external_reference"], (decimal?)pago["transaction_amount"],
            (string?)pago["currency_id"], resultado == EstadoPagoProveedor.Pagado ? Fecha(pago["date_approved"]) : null,
            $"{estado}/{detalle}");
    }

    /// <summary>Adds <c>source_news=webhooks</c> so that Mercado Pago sends only signed webhooks, not IPN, to the link's URL.</summary>
    public static string SoloWebhooks(Uri url)
    {
        var texto = url.ToString();
        return texto + (url.Query.Length > 1 ? "&" : texto.EndsWith('?') ? "" : "?") + "source_news=webhooks";
    }

    private static bool EsHex(string texto) => texto.Length is > 0 and <= 128 && texto.Length % 2 == 0 && texto.All(char.IsAsciiHexDigit);

    private static string? Texto(JsonNode? nodo) => nodo switch
    {
        JsonValue valor when valor.TryGetValue<string>(out var s) => s,
        JsonValue valor when valor.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static DateTimeOffset? Fecha(JsonNode? nodo) =>
        Texto(nodo) is { } texto && DateTimeOffset.TryParse(texto, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fecha)
            ? fecha
            : null;

    private async Task<HttpResponseMessage> Enviar(
        ConexionProveedor conexion, HttpMethod metodo, string ruta, JsonObject? cuerpo, string? claveIdempotencia, CancellationToken ct)
    {
        using var solicitud = new HttpRequestMessage(metodo, FirmasProveedor.Ruta(conexion.UrlBase, ruta));
        solicitud.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FirmasProveedor.Credencial(conexion, CampoAccessToken));
        if (claveIdempotencia is { Length: > 0 })
            solicitud.Headers.Add("X-Idempotency-Key", claveIdempotencia);
        if (cuerpo is not null)
            solicitud.Content = JsonContent.Create(cuerpo);
        return await fabrica.CreateClient(NombreCliente).SendAsync(solicitud, ct);
    }
}
