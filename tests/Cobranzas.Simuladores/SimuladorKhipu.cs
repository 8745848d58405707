using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cobranzas.Simuladores;

/// <summary>
/// Khipu's instant payments API v3 as documented (docs.khipu.com, apis/v3/instant-payments): <c>x-api-key</c> on every call
/// (401 otherwise), <c>POST /v3/payments</c>, <c>GET /v3/payments/{id}</c>, <c>GET /v3/banks</c>, and notifications 3.0 POSTed
/// to notify_url with <c>x-khipu-signature: t=&lt;ms&gt;,s=&lt;base64 HMAC-SHA256("t.body", secret)&gt;</c>, repeated while the
/// merchant does not answer 2xx.
/// </summary>
public sealed class SimuladorKhipu(string apiKey, string secreto, TimeProvider? reloj = null) : SimuladorHttp
{
    private readonly TimeProvider reloj = reloj ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, JsonObject> pagos = new();
    private int consultasAFallar;
    private int creacionesAFallar;
    private int creaciones;

    public const long IdCobrador = 985101;

    /// <summary>Attempts per notification (the real Khipu retries for two days).</summary>
    public int IntentosNotificacion { get; set; } = 3;

    /// <summary>POST /v3/payments received (a failed one included).</summary>
    public int Creaciones => creaciones;

    public JsonObject Pago(string id) => (JsonObject)pagos[id].DeepClone();

    public void FallarProximasConsultas(int n) => Interlocked.Exchange(ref consultasAFallar, n);

    public void FallarProximasCreaciones(int n) => Interlocked.Exchange(ref creacionesAFallar, n);

    public Task<IReadOnlyList<int>> PagarAsync(string id)
    {
        Cambiar(id, "done", "normal");
        pagos[id]["conciliation_date"] = Iso(reloj.GetUtcNow());
        return NotificarAsync(id);
    }

    public Task<IReadOnlyList<int>> RechazarAsync(string id)
    {
        Cambiar(id, "done", "rejected-by-payer");
        return NotificarAsync(id);
    }

    /// <summary>Moves expires_date to the past: v3 keeps the status "pending".</summary>
    public void Expirar(string id) => pagos[id]["expires_date"] = Iso(reloj.GetUtcNow().AddMinutes(-1));

    public Task<IReadOnlyList<int>> NotificarAsync(string id, Falsificacion falsificacion = Falsificacion.Ninguna)
    {
        var (url, cuerpo, firma) = Notificacion(id, falsificacion);
        return EntregaConReintentos.EnviarAsync(() => Solicitud(url, cuerpo, firma), IntentosNotificacion);
    }

    /// <summary>The same notification (same body and signature) delivered twice, as a redelivery after a lost 200 would be.</summary>
    public async Task<IReadOnlyList<int>> NotificarDuplicadoAsync(string id)
    {
        var (url, cuerpo, firma) = Notificacion(id, Falsificacion.Ninguna);
        var primera = await EntregaConReintentos.EnviarAsync(() => Solicitud(url, cuerpo, firma), IntentosNotificacion);
        var segunda = await EntregaConReintentos.EnviarAsync(() => Solicitud(url, cuerpo, firma), IntentosNotificacion);
        return [.. primera, .. segunda];
    }

    /// <summary>The signature header Khipu would send for <paramref name="cuerpo"/> at <paramref name="momento"/>.</summary>
    public static string Firmar(string secreto, string cuerpo, DateTimeOffset momento)
    {
        var t = momento.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var s = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secreto), Encoding.UTF8.GetBytes($"{t}.{cuerpo}")));
        return $"t={t},s={s}";
    }

    private (string Url, string Cuerpo, string Firma) Notificacion(string id, Falsificacion falsificacion)
    {
        var pago = pagos[id];
        var cuerpo = new JsonObject
        {
            ["payment_id"] = id,
            ["receiver_id"] = IdCobrador,
            ["subject"] = (string?)pago["subject"],
            ["amount"] = (decimal?)pago["amount"],
            ["currency"] = (string?)pago["currency"],
            ["transaction_id"] = (string?)pago["transaction_id"],
            ["status"] = (string?)pago["status"],
            ["status_detail"] = (string?)pago["status_detail"],
        }.ToJsonString();
        var momento = falsificacion == Falsificacion.MarcaVencida ? reloj.GetUtcNow().AddMinutes(-10) : reloj.GetUtcNow();
        var firma = Firmar(falsificacion == Falsificacion.FirmaFalsa ? "no-es-el-secreto" : secreto, cuerpo, momento);
        return ((string)pago["notify_url"]!, cuerpo, firma);
    }

    private static HttpRequestMessage Solicitud(string url, string cuerpo, string firma)
    {
        var solicitud = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(cuerpo, Encoding.UTF8, "application/json") };
        solicitud.Headers.Add("x-khipu-signature", firma);
        return solicitud;
    }

    private void Cambiar(string id, string estado, string detalle)
    {
        pagos[id]["status"] = estado;
        pagos[id]["status_detail"] = detalle;
    }

    private static string Iso(DateTimeOffset momento) => momento.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IResult Error(int estado, string mensaje) => Results.Json(new { status = estado, message = mensaje }, statusCode: estado);

    private bool Autorizada(HttpContext contexto) => contexto.Request.Headers["x-api-key"] == apiKey;

    protected override void Mapear(WebApplication app)
    {
        app.MapGet("/v3/banks", (HttpContext contexto) => !Autorizada(contexto)
            ? Error(401, "Invalid API key")
            : Results.Json(new { banks = new[] { new { bank_id = "Bawdf", name = "DemoBank", message = "", min_amount = 200, type = "Persona", parent = "" } } }));

        app.MapPost("/v3/payments", async (HttpContext contexto) =>
        {
            Interlocked.Increment(ref creaciones);
            if (!Autorizada(contexto))
                return Error(401, "Invalid API key");
            if (Interlocked.Decrement(ref creacionesAFallar) >= 0)
                return Error(500, "Internal server error");
            var cuerpo = await contexto.Request.ReadFromJsonAsync<JsonObject>();
            if (cuerpo?["subject"] is null || cuerpo["currency"] is null || cuerpo["amount"] is not JsonValue monto || monto.GetValue<decimal>() <= 0)
                return Error(400, "subject, currency and a positive amount are required");
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            cuerpo["payment_id"] = id;
            cuerpo["receiver_id"] = IdCobrador;
            cuerpo["status"] = "pending";
            cuerpo["status_detail"] = "pending";
            cuerpo["payment_url"] = $"{Url}payment/info/{id}";
            cuerpo["expires_date"] ??= Iso(reloj.GetUtcNow().AddDays(1));
            pagos[id] = cuerpo;
            return Results.Json(new
            {
                payment_id = id, payment_url = $"{Url}payment/info/{id}", simplified_transfer_url = $"{Url}payment/simplified/{id}",
                transfer_url = $"{Url}payment/manual/{id}", app_url = $"khipu:///pos/{id}", ready_for_terminal = false,
            });
        });

        app.MapGet("/v3/payments/{id}", (HttpContext contexto, string id) =>
        {
            if (!Autorizada(contexto))
                return Error(401, "Invalid API key");
            if (Interlocked.Decrement(ref consultasAFallar) >= 0)
                return Error(500, "Internal server error");
            return pagos.TryGetValue(id, out var pago) ? Results.Content(pago.ToJsonString(), "application/json") : Error(404, "Payment not found");
        });
    }
}
