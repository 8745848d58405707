using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cobranzas.Simuladores;

/// <summary>
/// Transbank Webpay Plus REST v1.2 as documented (transbankdevelopers.cl/referencia/webpay): <c>Tbk-Api-Key-Id</c> and
/// <c>Tbk-Api-Key-Secret</c> on every call (401 otherwise), create (<c>POST …/transactions</c>), commit (<c>PUT …/{token}</c>,
/// once: a second commit is 422), status (<c>GET …/{token}</c>, 422 after 7 days), and the payer's browser returning to
/// return_url with <c>token_ws</c>, or <c>TBK_TOKEN</c> + <c>TBK_ORDEN_COMPRA</c> + <c>TBK_ID_SESION</c> when aborted, or only the
/// last two when the payment form timed out.
/// </summary>
public sealed class SimuladorWebpay(string codigoComercio, string llaveSecreta, TimeProvider? reloj = null) : SimuladorHttp
{
    public const string Ruta = "/rswebpaytransaction/api/webpay/v1.2/transactions";

    /// <summary>The public test commerce of Webpay Plus's integration environment.</summary>
    public const string CodigoComercioIntegracion = "597055555532";

    public const string LlaveSecretaIntegracion = "579B532A7440BB0C9079DED94D31EA1615BACEB56610332264630D42D0A36B1C";

    private readonly TimeProvider reloj = reloj ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Transaccion> transacciones = new();
    private int consultasAFallar;
    private int creacionesAFallar;
    private int creaciones;
    private int confirmacionesSinRespuesta;

    /// <summary>The browser returns by GET (query) unless this is set: then by POST (urlencoded form).</summary>
    public bool RetornoPorPost { get; set; }

    public int Creaciones => creaciones;

    /// <summary>Commits actually done (a refused second commit does not count).</summary>
    public int Confirmaciones => transacciones.Values.Count(t => t.Confirmada);

    public JsonObject Estado(string token) => Json(transacciones[token]);

    /// <summary>The next <paramref name="n"/> commit or status calls answer 500.</summary>
    public void FallarProximasConsultas(int n) => Interlocked.Exchange(ref consultasAFallar, n);

    public void FallarProximasCreaciones(int n) => Interlocked.Exchange(ref creacionesAFallar, n);

    /// <summary>The next commit is done at Webpay but its answer is lost (500).</summary>
    public void PerderRespuestaProximaConfirmacion() => Interlocked.Exchange(ref confirmacionesSinRespuesta, 1);

    /// <summary>The payer pays with an approved card and the browser returns with token_ws; returns the return's status code.</summary>
    public Task<int> PagarAsync(string token)
    {
        transacciones[token].Resultado = "AUTHORIZED";
        return RetornarAsync(token);
    }

    public Task<int> RechazarAsync(string token)
    {
        transacciones[token].Resultado = "FAILED";
        return RetornarAsync(token);
    }

    /// <summary>The payer presses "anular" on Webpay's form.</summary>
    public Task<int> AnularAsync(string token)
    {
        var t = transacciones[token];
        return Retornar(t.UrlRetorno, new() { ["TBK_TOKEN"] = token, ["TBK_ORDEN_COMPRA"] = t.OrdenCompra, ["TBK_ID_SESION"] = t.Sesion });
    }

    /// <summary>The payment form times out: the browser returns without any token.</summary>
    public Task<int> AgotarTiempoAsync(string token)
    {
        var t = transacciones[token];
        return Retornar(t.UrlRetorno, new() { ["TBK_ORDEN_COMPRA"] = t.OrdenCompra, ["TBK_ID_SESION"] = t.Sesion });
    }

    /// <summary>The browser returns (again: a reload) with token_ws.</summary>
    public Task<int> RetornarAsync(string token) => Retornar(transacciones[token].UrlRetorno, new() { ["token_ws"] = token });

    /// <summary>Moves the transaction eight days back: Webpay no longer answers its status.</summary>
    public void Expirar(string token) => transacciones[token].Creada = reloj.GetUtcNow().AddDays(-8);

    private async Task<int> Retornar(string url, Dictionary<string, string> valores)
    {
        var solicitud = RetornoPorPost
            ? new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(valores) }
            : new HttpRequestMessage(HttpMethod.Get, url + (url.Contains('?') ? "&" : "?") + string.Join('&', valores.Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}")));
        var estados = await EntregaConReintentos.EnviarAsync(() => solicitud, 1);
        return estados[0];
    }

    private sealed class Transaccion
    {
        public required string Token { get; init; }
        public required string OrdenCompra { get; init; }
        public required string Sesion { get; init; }
        public required decimal Monto { get; init; }
        public required string UrlRetorno { get; init; }
        public required DateTimeOffset Creada { get; set; }
        public string? Resultado { get; set; }
        public bool Confirmada { get; set; }
    }

    private JsonObject Json(Transaccion t)
    {
        var estado = !t.Confirmada ? "INITIALIZED" : t.Resultado!;
        var json = new JsonObject
        {
            ["vci"] = t.Confirmada ? (estado == "AUTHORIZED" ? "TSY" : "TSN") : null,
            ["amount"] = t.Monto,
            ["status"] = estado,
            ["buy_order"] = t.OrdenCompra,
            ["session_id"] = t.Sesion,
            ["accounting_date"] = t.Creada.ToString("MMdd", CultureInfo.InvariantCulture),
            ["transaction_date"] = t.Creada.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (t.Confirmada)
        {
            json["card_detail"] = new JsonObject { ["card_number"] = "6623" };
            json["authorization_code"] = estado == "AUTHORIZED" ? "1213" : "000000";
            json["payment_type_code"] = "VD";
            json["response_code"] = estado == "AUTHORIZED" ? 0 : -1;
            json["installments_number"] = 0;
        }
        return json;
    }

    private static IResult Error(int estado, string mensaje) => Results.Json(new { error_message = mensaje }, statusCode: estado);

    private bool Autorizada(HttpContext contexto) =>
        contexto.Request.Headers["Tbk-Api-Key-Id"] == codigoComercio && contexto.Request.Headers["Tbk-Api-Key-Secret"] == llaveSecreta;

    private bool Vigente(string token, out Transaccion transaccion) =>
        transacciones.TryGetValue(token, out transaccion!) && reloj.GetUtcNow() - transaccion.Creada <= TimeSpan.FromDays(7);

    protected override void Mapear(WebApplication app)
    {
        app.MapPost(Ruta, async (HttpContext contexto) =>
        {
            Interlocked.Increment(ref creaciones);
            if (!Autorizada(contexto))
                return Error(401, "Not Authorized");
            if (Interlocked.Decrement(ref creacionesAFallar) >= 0)
                return Error(500, "Internal Server Error");
            var cuerpo = await contexto.Request.ReadFromJsonAsync<JsonObject>();
            var orden = (string?)cuerpo?["buy_order"];
            var sesion = (string?)cuerpo?["session_id"];
            var retorno = (string?)cuerpo?["return_url"];
            if (orden is not { Length: > 0 and <= 26 })
                return Error(422, "buy_order is required and can't be longer than 26");
            if (sesion is not { Length: > 0 and <= 61 })
                return Error(422, "session_id is required and can't be longer than 61");
            if (retorno is not { Length: > 0 and <= 256 })
                return Error(422, "return_url is required and can't be longer than 256");
            if (cuerpo!["amount"] is not JsonValue monto || monto.GetValue<decimal>() <= 0 || monto.GetValue<decimal>() != decimal.Round(monto.GetValue<decimal>()))
                return Error(422, "amount must be a positive integer");
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            transacciones[token] = new Transaccion
            {
                Token = token, OrdenCompra = orden, Sesion = sesion, Monto = monto.GetValue<decimal>(), UrlRetorno = retorno, Creada = reloj.GetUtcNow(),
            };
            return Results.Json(new { token, url = $"{Url}webpayserver/initTransaction" });
        });

        app.MapPut(Ruta + "/{token}", (HttpContext contexto, string token) =>
        {
            if (!Autorizada(contexto))
                return Error(401, "Not Authorized");
            if (Interlocked.Decrement(ref consultasAFallar) >= 0)
                return Error(500, "Internal Server Error");
            if (!Vigente(token, out var t))
                return Error(422, "Transaction not found");
            if (t.Confirmada)
                return Error(422, "Invalid status '1' for transaction while authorizing. Commerce has already committed it");
            if (t.Resultado is null)
                return Error(422, "Invalid status '0' for transaction while authorizing");
            t.Confirmada = true;
            if (Interlocked.Exchange(ref confirmacionesSinRespuesta, 0) == 1)
                return Error(500, "Internal Server Error");
            return Results.Content(Json(t).ToJsonString(), "application/json");
        });

        app.MapGet(Ruta + "/{token}", (HttpContext contexto, string token) =>
        {
            if (!Autorizada(contexto))
                return Error(401, "Not Authorized");
            if (Interlocked.Decrement(ref consultasAFallar) >= 0)
                return Error(500, "Internal Server Error");
            if (!transacciones.ContainsKey(token))
                return Error(422, "Transaction not found");
            return Vigente(token, out var t)
                ? Results.Content(Json(t).ToJsonString(), "application/json")
                : Error(422, "The transactions's date has passed max time (7 days) to recover the status");
        });
    }
}
