using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cobranzas.Simuladores;

/// <summary>
/// Flow's REST API v1 as documented (https://developers.flow.cl/api, https://developers.flow.cl/docs/tutorial-basics/create-order,
/// https://developers.flow.cl/en/docs/tutorial-basics/status): <c>POST payment/create</c> (form) and <c>GET payment/getStatus</c>,
/// <c>GET payment/getStatusByCommerceId</c>, every call signed with <c>s</c> = hex HMAC-SHA256 (secretKey) of the sorted
/// parameters as name+value; a bad apiKey or signature is 401 with <c>{code, message}</c>. When a payment ends, Flow posts
/// <c>token</c> (form, unsigned) to the order's <c>urlConfirmation</c> and retries while the answer is not 200.
/// Test controls: pay, reject, cancel, fail the next status calls, repeat or forge a confirmation.
/// </summary>
public sealed class SimuladorFlow : SimuladorHttp
{
    public const int Pendiente = 1, Pagada = 2, Rechazada = 3, Anulada = 4;

    public sealed class Orden
    {
        public required string Token { get; init; }
        public int FlowOrder { get; init; }
        public required string CommerceOrder { get; init; }
        public required string Subject { get; init; }
        public required string Currency { get; init; }
        public decimal Amount { get; init; }
        public required string Email { get; init; }
        public required string UrlConfirmation { get; init; }
        public required string UrlReturn { get; init; }
        public DateTime RequestDate { get; init; }
        public int Status { get; set; } = Pendiente;
        public DateTime? PaymentDate { get; set; }
    }

    private readonly ConcurrentDictionary<string, Orden> ordenes = new();
    private int secuencia = 1000;
    private int fallosPendientes;

    /// <summary>The simulator's wall clock, Santiago local time as Flow reports it; tests set it from their fake clock.</summary>
    public Func<DateTime> Ahora { get; set; } = () => TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));

    public string ApiKey { get; set; } = "1F90971E-8276-4715-97FF-2BLG5030EE3B";
    public string SecretKey { get; set; } = "secreto-de-flow-simulado";

    /// <summary>How many times a confirmation is posted while the merchant does not answer 200 (Flow retries).</summary>
    public int IntentosConfirmacion { get; set; } = 3;

    /// <summary>The client that posts confirmations: a real one by default; a test host's in-memory client in the tests.</summary>
    public Func<HttpClient> ClienteConfirmaciones { get; set; } = () => new HttpClient();

    public ConcurrentQueue<(string Token, HttpStatusCode Estado)> Confirmaciones { get; } = new();

    public int ConsultasEstado;

    public IReadOnlyCollection<Orden> Ordenes => ordenes.Values.ToList();

    public Orden OrdenDe(string commerceOrder) => ordenes.Values.Single(o => o.CommerceOrder == commerceOrder);

    /// <summary>The next <paramref name="veces"/> status calls answer 500.</summary>
    public void FallarConsultas(int veces = 1) => Interlocked.Exchange(ref fallosPendientes, veces);

    public static string Firmar(IEnumerable<KeyValuePair<string, string>> parametros, string secretKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey),
            Encoding.UTF8.GetBytes(string.Concat(parametros.Where(p => p.Key != "s").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value)))));

    public Task<IReadOnlyList<HttpStatusCode>> PagarAsync(string token, DateTime? fecha = null) => TerminarAsync(token, Pagada, fecha ?? Ahora());

    public Task<IReadOnlyList<HttpStatusCode>> RechazarAsync(string token) => TerminarAsync(token, Rechazada, null);

    public Task<IReadOnlyList<HttpStatusCode>> AnularAsync(string token) => TerminarAsync(token, Anulada, null);

    /// <summary>Marks the order paid without telling the merchant (a confirmation lost on the way).</summary>
    public void PagarSinConfirmar(string token)
    {
        ordenes[token].Status = Pagada;
        ordenes[token].PaymentDate = Ahora();
    }

    private async Task<IReadOnlyList<HttpStatusCode>> TerminarAsync(string token, int estado, DateTime? fecha)
    {
        var orden = ordenes[token];
        orden.Status = estado;
        orden.PaymentDate = fecha;
        return await ConfirmarAsync(orden.UrlConfirmation, token, IntentosConfirmacion);
    }

    /// <summary>Posts the confirmation again, once (Flow may repeat it).</summary>
    public async Task<HttpStatusCode> RepetirConfirmacionAsync(string token) => (await ConfirmarAsync(ordenes[token].UrlConfirmation, token, 1))[0];

    /// <summary>Someone else posts a made-up token to the order's confirmation URL.</summary>
    public async Task<HttpStatusCode> ConfirmacionFalsaAsync(string urlConfirmation, string tokenInventado) => (await ConfirmarAsync(urlConfirmation, tokenInventado, 1))[0];

    private async Task<IReadOnlyList<HttpStatusCode>> ConfirmarAsync(string url, string token, int intentos)
    {
        var estados = new List<HttpStatusCode>();
        using var http = ClienteConfirmaciones();
        for (var i = 0; i < intentos; i++)
        {
            using var r = await http.PostAsync(url, new FormUrlEncodedContent([new("token", token)]));
            estados.Add(r.StatusCode);
            Confirmaciones.Enqueue((token, r.StatusCode));
            if (r.StatusCode == HttpStatusCode.OK)
                break;
        }

        return estados;
    }

    protected override void Mapear(WebApplication app)
    {
        app.MapPost("/payment/create", async (HttpRequest req) =>
        {
            var form = (await req.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            if (Autenticar(form) is { } error)
                return error;
            foreach (var requerido in new[] { "commerceOrder", "subject", "amount", "email", "urlConfirmation", "urlReturn" })
                if (string.IsNullOrWhiteSpace(form.GetValueOrDefault(requerido)))
                    return Error(400, 1620, $"Missing parameter {requerido}");
            if (ordenes.Values.Any(o => o.CommerceOrder == form["commerceOrder"]))
                return Error(400, 1605, "The commerceOrder has already been paid or is in process");
            var orden = new Orden
            {
                Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), FlowOrder = Interlocked.Increment(ref secuencia),
                CommerceOrder = form["commerceOrder"], Subject = form["subject"], Currency = form.GetValueOrDefault("currency") ?? "CLP",
                Amount = decimal.Parse(form["amount"], CultureInfo.InvariantCulture), Email = form["email"], UrlConfirmation = form["urlConfirmation"],
                UrlReturn = form["urlReturn"], RequestDate = Ahora(),
            };
            ordenes[orden.Token] = orden;
            return Results.Json(new { url = new Uri(Url, "app/web/pay.php").AbsoluteUri, token = orden.Token, flowOrder = orden.FlowOrder });
        });
        app.MapGet("/payment/getStatus", (HttpRequest req) => Estado(req, q => ordenes.GetValueOrDefault(q.GetValueOrDefault("token") ?? "")));
        app.MapGet("/payment/getStatusByCommerceId", (HttpRequest req) =>
            Estado(req, q => ordenes.Values.FirstOrDefault(o => o.CommerceOrder == q.GetValueOrDefault("commerceOrder"))));
    }

    private IResult Estado(HttpRequest req, Func<Dictionary<string, string>, Orden?> buscar)
    {
        Interlocked.Increment(ref ConsultasEstado);
        var q = req.Query.ToDictionary(f => f.Key, f => f.Value.ToString());
        if (Autenticar(q) is { } error)
            return error;
        if (Volatile.Read(ref fallosPendientes) > 0 && Interlocked.Decrement(ref fallosPendientes) >= 0)
            return Error(500, 1, "Internal server error");
        if (buscar(q) is not { } o)
            return Error(400, 105, "Invalid token or order not found");
        return Results.Json(new
        {
            flowOrder = o.FlowOrder, commerceOrder = o.CommerceOrder, requestDate = o.RequestDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            status = o.Status, subject = o.Subject, currency = o.Currency, amount = o.Amount, payer = o.Email, optional = (object?)null,
            pending_info = new { media = (string?)null, date = (string?)null },
            paymentData = o.PaymentDate is { } fecha
                ? new { date = fecha.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), media = "Webpay", amount = o.Amount, currency = o.Currency, fee = 0m, balance = o.Amount }
                : null,
        });
    }

    private IResult? Autenticar(Dictionary<string, string> p)
    {
        if (p.GetValueOrDefault("apiKey") != ApiKey)
            return Error(401, 108, "Invalid apiKey");
        return p.GetValueOrDefault("s") is { } s && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(Firmar(p, SecretKey)))
            ? null
            : Error(401, 109, "Invalid signature");
    }

    private static IResult Error(int estado, int codigo, string mensaje) => Results.Json(new { code = codigo, message = mensaje }, statusCode: estado);
}
