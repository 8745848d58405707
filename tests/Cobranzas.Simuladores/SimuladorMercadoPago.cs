using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cobranzas.Simuladores;

/// <summary>
/// Mercado Pago as Checkout Pro uses it (mercadopago.cl/developers): bearer access token (401 otherwise),
/// <c>POST /checkout/preferences</c> replayed for a repeated <c>X-Idempotency-Key</c>, <c>GET /v1/payments/{id}</c>,
/// <c>GET /users/me</c>, and webhooks POSTed to the preference's notification_url with <c>?data.id=…&amp;type=payment</c>,
/// <c>x-request-id</c> and <c>x-signature: ts=…,v1=&lt;hex HMAC-SHA256 of "id:…;request-id:…;ts:…;"&gt;</c>, repeated on non-2xx.
/// </summary>
public sealed class SimuladorMercadoPago(string accessToken, string secretoWebhook, TimeProvider? reloj = null) : SimuladorHttp
{
    private readonly TimeProvider reloj = reloj ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, JsonObject> preferencias = new();
    private readonly ConcurrentDictionary<string, JsonObject> pagos = new();
    private readonly ConcurrentDictionary<string, string> respuestasIdempotentes = new();
    private long ultimoPago = 1_320_000_000;
    private int consultasAFallar;
    private int creacionesAFallar;
    private int creaciones;

    public const long IdUsuario = 202809963;

    public int IntentosNotificacion { get; set; } = 3;

    /// <summary>Preferences actually created (an idempotent replay does not count).</summary>
    public int PreferenciasCreadas => preferencias.Count;

    /// <summary>POST /checkout/preferences received (replays and failures included).</summary>
    public int Creaciones => creaciones;

    public JsonObject Preferencia(string id) => (JsonObject)preferencias[id].DeepClone();

    public void FallarProximasConsultas(int n) => Interlocked.Exchange(ref consultasAFallar, n);

    public void FallarProximasCreaciones(int n) => Interlocked.Exchange(ref creacionesAFallar, n);

    /// <summary>The payer pays the preference: a payment is created approved and notified; returns its id and the deliveries.</summary>
    public Task<(string IdPago, IReadOnlyList<int> Entregas)> PagarAsync(string idPreferencia) => NuevoPagoAsync(idPreferencia, "approved", "accredited");

    public Task<(string IdPago, IReadOnlyList<int> Entregas)> RechazarAsync(string idPreferencia) =>
        NuevoPagoAsync(idPreferencia, "rejected", "cc_rejected_other_reason");

    /// <summary>A pending payment (cash, transfer) cancelled at its expiry, as Mercado Pago reports it.</summary>
    public Task<(string IdPago, IReadOnlyList<int> Entregas)> ExpirarAsync(string idPreferencia) => NuevoPagoAsync(idPreferencia, "cancelled", "expired");

    public Task<IReadOnlyList<int>> NotificarAsync(string idPago, Falsificacion falsificacion = Falsificacion.Ninguna)
    {
        var notificacion = Notificacion(idPago, falsificacion);
        return EntregaConReintentos.EnviarAsync(() => Solicitud(notificacion), IntentosNotificacion);
    }

    /// <summary>The same webhook (same x-request-id and signature) delivered twice.</summary>
    public async Task<IReadOnlyList<int>> NotificarDuplicadoAsync(string idPago)
    {
        var notificacion = Notificacion(idPago, Falsificacion.Ninguna);
        var primera = await EntregaConReintentos.EnviarAsync(() => Solicitud(notificacion), IntentosNotificacion);
        var segunda = await EntregaConReintentos.EnviarAsync(() => Solicitud(notificacion), IntentosNotificacion);
        return [.. primera, .. segunda];
    }

    public static string Firmar(string secreto, string idDato, string idSolicitud, DateTimeOffset momento)
    {
        var ts = momento.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var manifiesto = $"id:{idDato.ToLowerInvariant()};request-id:{idSolicitud};ts:{ts};";
        return $"ts={ts},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secreto), Encoding.UTF8.GetBytes(manifiesto)))}";
    }

    private async Task<(string, IReadOnlyList<int>)> NuevoPagoAsync(string idPreferencia, string estado, string detalle)
    {
        var preferencia = preferencias[idPreferencia];
        var item = preferencia["items"]![0]!;
        var id = Interlocked.Increment(ref ultimoPago).ToString(CultureInfo.InvariantCulture);
        var ahora = reloj.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        pagos[id] = new JsonObject
        {
            ["id"] = long.Parse(id, CultureInfo.InvariantCulture),
            ["status"] = estado,
            ["status_detail"] = detalle,
            ["external_reference"] = (string?)preferencia["external_reference"],
            ["transaction_amount"] = (decimal?)item["unit_price"] * ((int?)item["quantity"] ?? 1),
            ["currency_id"] = (string?)item["currency_id"],
            ["date_created"] = ahora,
            ["date_approved"] = estado == "approved" ? ahora : null,
            ["preference_id"] = idPreferencia,
            ["notification_url"] = (string?)preferencia["notification_url"],
            ["live_mode"] = false,
        };
        return (id, await NotificarAsync(id));
    }

    private sealed record Aviso(string Url, string Cuerpo, string IdSolicitud, string Firma);

    private Aviso Notificacion(string idPago, Falsificacion falsificacion)
    {
        var pago = pagos[idPago];
        var url = (string)pago["notification_url"]!;
        url += (url.Contains('?') ? "&" : "?") + $"data.id={idPago}&type=payment";
        var cuerpo = new JsonObject
        {
            ["action"] = "payment.updated",
            ["api_version"] = "v1",
            ["data"] = new JsonObject { ["id"] = idPago },
            ["date_created"] = reloj.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["id"] = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999),
            ["live_mode"] = false,
            ["type"] = "payment",
            ["user_id"] = IdUsuario.ToString(CultureInfo.InvariantCulture),
        }.ToJsonString();
        var idSolicitud = Guid.NewGuid().ToString();
        var momento = falsificacion == Falsificacion.MarcaVencida ? reloj.GetUtcNow().AddMinutes(-10) : reloj.GetUtcNow();
        var firma = Firmar(falsificacion == Falsificacion.FirmaFalsa ? "no-es-el-secreto" : secretoWebhook, idPago, idSolicitud, momento);
        return new Aviso(url, cuerpo, idSolicitud, firma);
    }

    private static HttpRequestMessage Solicitud(Aviso aviso)
    {
        var solicitud = new HttpRequestMessage(HttpMethod.Post, aviso.Url) { Content = new StringContent(aviso.Cuerpo, Encoding.UTF8, "application/json") };
        solicitud.Headers.Add("x-request-id", aviso.IdSolicitud);
        solicitud.Headers.Add("x-signature", aviso.Firma);
        return solicitud;
    }

    private static IResult Error(int estado, string mensaje, string error) =>
        Results.Json(new { message = mensaje, error, status = estado, cause = Array.Empty<object>() }, statusCode: estado);

    private bool Autorizada(HttpContext contexto) => contexto.Request.Headers.Authorization == $"Bearer {accessToken}";

    protected override void Mapear(WebApplication app)
    {
        app.MapGet("/users/me", (HttpContext contexto) => !Autorizada(contexto)
            ? Error(401, "invalid access token", "unauthorized")
            : Results.Json(new { id = IdUsuario, nickname = "TESTCOBRANZAS", site_id = "MLC", country_id = "CL" }));

        app.MapPost("/checkout/preferences", async (HttpContext contexto) =>
        {
            Interlocked.Increment(ref creaciones);
            if (!Autorizada(contexto))
                return Error(401, "invalid access token", "unauthorized");
            var clave = contexto.Request.Headers["X-Idempotency-Key"].ToString();
            if (clave.Length > 0 && respuestasIdempotentes.TryGetValue(clave, out var guardada))
                return Results.Content(guardada, "application/json", Encoding.UTF8, 201);
            if (Interlocked.Decrement(ref creacionesAFallar) >= 0)
                return Error(500, "internal error", "internal_error");
            var cuerpo = await contexto.Request.ReadFromJsonAsync<JsonObject>();
            if (cuerpo?["items"] is not JsonArray { Count: > 0 } items || items[0]?["unit_price"] is not JsonValue precio || precio.GetValue<decimal>() <= 0)
                return Error(400, "items needs at least one item with a positive unit_price", "invalid_items");
            var id = $"{IdUsuario}-{Guid.NewGuid()}";
            cuerpo["id"] = id;
            cuerpo["init_point"] = $"{Url}checkout/v1/redirect?pref_id={id}";
            cuerpo["sandbox_init_point"] = $"{Url}checkout/v1/redirect?pref_id={id}&sandbox=true";
            cuerpo["collector_id"] = IdUsuario;
            cuerpo["date_created"] = reloj.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
            preferencias[id] = cuerpo;
            var texto = cuerpo.ToJsonString();
            if (clave.Length > 0)
                respuestasIdempotentes[clave] = texto;
            return Results.Content(texto, "application/json", Encoding.UTF8, 201);
        });

        app.MapGet("/v1/payments/{id}", (HttpContext contexto, string id) =>
        {
            if (!Autorizada(contexto))
                return Error(401, "invalid access token", "unauthorized");
            if (Interlocked.Decrement(ref consultasAFallar) >= 0)
                return Error(500, "internal error", "internal_error");
            return pagos.TryGetValue(id, out var pago) ? Results.Content(pago.ToJsonString(), "application/json") : Error(404, "Payment not found", "not_found");
        });
    }
}
