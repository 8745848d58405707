// Transbank Webpay Plus REST API v1.2, written against:
//   https://www.transbankdevelopers.cl/referencia/webpay (hosts, Tbk-Api-Key-Id / Tbk-Api-Key-Secret, create, commit, status)
//   https://www.transbankdevelopers.cl/documentacion/webpay-plus (the flow: token_ws, aborted payment with TBK_TOKEN, timeout)
// Webpay does not notify a server: the payer's browser returns to return_url with token_ws (paid or rejected: commit it),
// with TBK_TOKEN + TBK_ORDEN_COMPRA + TBK_ID_SESION when the payer aborted, or with only TBK_ORDEN_COMPRA + TBK_ID_SESION when
// the payment form timed out. Nothing there is signed: the commit / status call with the company's key is the proof.
// A commit is done once; a second commit is refused (422) and the status call (available for 7 days) answers instead.
// The docs send the payer to the returned url with token_ws by POST (a form); the link here is that url with token_ws in the
// query, which Webpay also accepts, so the payment link stays a plain URL. buy_order allows 26 characters: a longer reference
// travels whole in session_id (61) and buy_order takes a hash of it.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cobranzas.Integraciones.Proveedores.Webpay;

public sealed class ProveedorWebpay(IHttpClientFactory fabrica) : IProveedorPago
{
    public const string NombreCliente = "proveedor-webpay";

    public const string CampoCodigoComercio = "codigoComercio";

    public const string CampoLlaveSecreta = "llaveSecreta";

    private const string Transacciones = "rswebpaytransaction/api/webpay/v1.2/transactions";

    public string Codigo => "webpay";

    public IReadOnlyList<CampoCredencial> CamposCredenciales { get; } =
    [
        new(CampoCodigoComercio, "Código de comercio", false),
        new(CampoLlaveSecreta, "Llave secreta (API Key Secret)", true),
    ];

    public async Task<VerificacionCredenciales> VerificarCredencialesAsync(ConexionProveedor conexion, CancellationToken ct)
    {
        if (FirmasProveedor.Valor(conexion.Credenciales, CampoCodigoComercio) is not { Length: > 0 })
            return new(false, "Falta el código de comercio.");
        if (FirmasProveedor.Valor(conexion.Credenciales, CampoLlaveSecreta) is not { Length: > 0 })
            return new(false, "Falta la llave secreta.");
        // Webpay has no account call: the status of a token that does not exist is refused with 401 for bad keys and answered
        // 4xx (transaction not found) for good ones, without creating anything.
        using var respuesta = await Enviar(conexion, HttpMethod.Get, $"{Transacciones}/{new string('0', 64)}", null, ct);
        if (respuesta.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new(false, "Transbank rechazó el código de comercio o la llave secreta.");
        if ((int)respuesta.StatusCode >= 500)
            await FirmasProveedor.AsegurarExitoAsync(respuesta, "Webpay GET /transactions/{token}", ct);
        return new(true, null);
    }

    public async Task<CobroCreado> CrearCobroAsync(ConexionProveedor conexion, SolicitudCobro solicitud, CancellationToken ct)
    {
        if (solicitud.Moneda != "CLP")
            throw new InvalidOperationException("Webpay Plus cobra solo en pesos chilenos (CLP).");
        var cuerpo = new JsonObject
        {
            ["buy_order"] = OrdenCompra(solicitud.Referencia),
            ["session_id"] = solicitud.Referencia,
            ["amount"] = decimal.Round(solicitud.Monto, 0),
            ["return_url"] = solicitud.UrlRetorno.ToString(),
        };
        using var respuesta = await Enviar(conexion, HttpMethod.Post, Transacciones, cuerpo, ct);
        await FirmasProveedor.AsegurarExitoAsync(respuesta, "Webpay POST /transactions", ct);
        var creada = await respuesta.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new HttpRequestException("Webpay POST /transactions: respuesta vacía.");
        var token = (string)creada["token"]!;
        return new CobroCreado(token, new Uri($"{(string)creada["url"]!}?token_ws={Uri.EscapeDataString(token)}"));
    }

    /// <summary>Our reference when it fits buy_order (26 characters), otherwise 26 hex characters of its SHA-256.</summary>
    public static string OrdenCompra(string referencia) =>
        referencia.Length <= 26 ? referencia : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(referencia)))[..26];

    public Task<NotificacionLeida> LeerNotificacionAsync(ConexionProveedor conexion, NotificacionEntrante notificacion, CancellationToken ct)
    {
        var valores = Valores(notificacion);
        valores.TryGetValue("token_ws", out var token);
        valores.TryGetValue("TBK_TOKEN", out var tokenAnulado);
        // TBK_TOKEN alone is an abort, with token_ws an error in the payment form: neither was authorized, so the commit in
        // ConsultarEstadoAsync is refused (422) and the status answers (INITIALIZED: still pending, nothing to register).
        if (tokenAnulado is { Length: > 0 })
            return Task.FromResult(NotificacionLeida.Valida(tokenAnulado));
        if (token is { Length: > 0 })
            return Task.FromResult(NotificacionLeida.Valida(token));
        return Task.FromResult(valores.ContainsKey("TBK_ORDEN_COMPRA")
            ? NotificacionLeida.Rechazo("El formulario de pago de Webpay expiró sin token: no hay transacción que consultar.")
            : NotificacionLeida.Rechazo("Retorno de Webpay sin token_ws ni TBK_TOKEN."));
    }

    /// <summary>The return's fields: from the query (GET) and from an urlencoded form body (POST).</summary>
    private static Dictionary<string, string> Valores(NotificacionEntrante notificacion)
    {
        var valores = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (clave, valor) in notificacion.Consulta)
            valores[clave] = valor;
        if (notificacion.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var par in notificacion.Cuerpo.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var igual = par.IndexOf('=');
                var clave = Uri.UnescapeDataString((igual < 0 ? par : par[..igual]).Replace('+', ' '));
                valores[clave] = igual < 0 ? "" : Uri.UnescapeDataString(par[(igual + 1)..].Replace('+', ' '));
            }
        }
        return valores;
    }

    public async Task<EstadoCobro> ConsultarEstadoAsync(ConexionProveedor conexion, string referencia, CancellationToken ct)
    {
        var ruta = $"{Transacciones}/{Uri.EscapeDataString(referencia)}";
        using (var confirmacion = await Enviar(conexion, HttpMethod.Put, ruta, new JsonObject(), ct))
        {
            if (confirmacion.IsSuccessStatusCode)
                return await EstadoAsync(confirmacion, referencia, ct);
            // 422 is Webpay's answer to a commit that cannot be done (already committed, aborted, too old): ask the status.
            if (confirmacion.StatusCode != HttpStatusCode.UnprocessableEntity)
                await FirmasProveedor.AsegurarExitoAsync(confirmacion, "Webpay PUT /transactions/{token}", ct);
        }
        using var estado = await Enviar(conexion, HttpMethod.Get, ruta, null, ct);
        if (estado.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.NotFound)
        {
            // Unknown token, or older than the 7 days the status is kept: no payment can come from it.
            var motivo = await estado.Content.ReadAsStringAsync(ct);
            return new EstadoCobro(EstadoPagoProveedor.Expirado, null, null, null, null, null, motivo.Length > 300 ? motivo[..300] : motivo);
        }
        await FirmasProveedor.AsegurarExitoAsync(estado, "Webpay GET /transactions/{token}", ct);
        return await EstadoAsync(estado, referencia, ct);
    }

    private static async Task<EstadoCobro> EstadoAsync(HttpResponseMessage respuesta, string token, CancellationToken ct)
    {
        var transaccion = await respuesta.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new HttpRequestException("Webpay: respuesta vacía.");
        var estado = (string?)transaccion["status"];
        var codigo = transaccion["response_code"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : (int?)null;
        var resultado = estado switch
        {
            "AUTHORIZED" or "CAPTURED" or "PARTIALLY_NULLIFIED" when codigo == 0 => EstadoPagoProveedor.Pagado,
            "REVERSED" or "NULLIFIED" => EstadoPagoProveedor.Anulado,
            "INITIALIZED" => EstadoPagoProveedor.Pendiente,
            _ => EstadoPagoProveedor.Rechazado, // FAILED, or an authorization with a response_code other than 0
        };
        DateTimeOffset? fecha = (string?)transaccion["transaction_date"] is { } texto
            && DateTimeOffset.TryParse(texto, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var f) ? f : null;
        return new EstadoCobro(
            resultado, token, (string?)transaccion["session_id"], (decimal?)transaccion["amount"], "CLP",
            resultado == EstadoPagoProveedor.Pagado ? fecha : null,
            $"{estado}/response_code={codigo?.ToString(CultureInfo.InvariantCulture) ?? "-"}/authorization_code={(string?)transaccion["authorization_code"]}");
    }

    private async Task<HttpResponseMessage> Enviar(ConexionProveedor conexion, HttpMethod metodo, string ruta, JsonObject? cuerpo, CancellationToken ct)
    {
        using var solicitud = new HttpRequestMessage(metodo, FirmasProveedor.Ruta(conexion.UrlBase, ruta));
        solicitud.Headers.Add("Tbk-Api-Key-Id", FirmasProveedor.Credencial(conexion, CampoCodigoComercio));
        solicitud.Headers.Add("Tbk-Api-Key-Secret", FirmasProveedor.Credencial(conexion, CampoLlaveSecreta));
        if (cuerpo is not null)
            solicitud.Content = JsonContent.Create(cuerpo);
        return await fabrica.CreateClient(NombreCliente).SendAsync(solicitud, ct);
    }
}
