namespace Cobranzas.Integraciones.Proveedores;

/// <summary>
/// One payment provider's published API, seen from the product. The provider's server-side status is the source of truth:
/// a notification (or Webpay's browser return) only names the payment to look up; <see cref="ConsultarEstadoAsync"/> says what
/// happened. Adapters hold no state: each call receives the company's credentials and the provider's base URL (production,
/// the provider's sandbox, or the test simulator).
/// </summary>
public interface IProveedorPago
{
    /// <summary>The code used in routes and in the catalogue: <c>flow</c>, <c>khipu</c>, <c>mercadopago</c>, <c>webpay</c>.</summary>
    string Codigo { get; }

    /// <summary>The credential fields an administrator enters on "Activar" (name, label in Spanish, secret or not).</summary>
    IReadOnlyList<CampoCredencial> CamposCredenciales { get; }

    /// <summary>Calls the provider's cheapest authenticated status call; false with a Spanish reason when it refuses the credentials.</summary>
    Task<VerificacionCredenciales> VerificarCredencialesAsync(ConexionProveedor conexion, CancellationToken ct);

    /// <summary>Creates the charge at the provider; <paramref name="solicitud"/> carries our link id as the external reference.</summary>
    Task<CobroCreado> CrearCobroAsync(ConexionProveedor conexion, SolicitudCobro solicitud, CancellationToken ct);

    /// <summary>
    /// Reads an incoming notification (or browser return): checks its signature and timestamp where the provider signs them, and
    /// returns the provider's payment reference to query. A forged or stale notification returns <see cref="NotificacionLeida.Rechazada"/>.
    /// </summary>
    Task<NotificacionLeida> LeerNotificacionAsync(ConexionProveedor conexion, NotificacionEntrante notificacion, CancellationToken ct);

    /// <summary>Asks the provider for the payment's state (Webpay: commit on the first call, status afterwards).</summary>
    Task<EstadoCobro> ConsultarEstadoAsync(ConexionProveedor conexion, string referencia, CancellationToken ct);
}

public sealed record CampoCredencial(string Nombre, string Etiqueta, bool Secreto);

/// <summary>The company's decrypted credentials (field name → value) and the provider's base URL.</summary>
public sealed record ConexionProveedor(Uri UrlBase, IReadOnlyDictionary<string, string> Credenciales);

public sealed record VerificacionCredenciales(bool Validas, string? Motivo);

/// <param name="Referencia">Our payment link id, sent as the provider's external reference / commerce order.</param>
/// <param name="UrlNotificacion">Where the provider posts its notifications for this link.</param>
/// <param name="UrlRetorno">Where the payer's browser returns after paying.</param>
/// <param name="ClaveIdempotencia">Sent where the provider supports it (Mercado Pago's <c>X-Idempotency-Key</c>).</param>
public sealed record SolicitudCobro(
    string Referencia, decimal Monto, string Moneda, string Asunto, string? EmailPagador, Uri UrlNotificacion, Uri UrlRetorno,
    DateTimeOffset Expira, string ClaveIdempotencia);

/// <param name="IdExterno">The provider's id for the charge (Flow token, Khipu payment_id, MP preference id, Webpay token).</param>
/// <param name="UrlPago">Where the payer goes to pay.</param>
public sealed record CobroCreado(string IdExterno, Uri UrlPago);

/// <summary>What reached the public notification endpoint: headers, query and the raw body, untouched for signature checks.</summary>
public sealed record NotificacionEntrante(
    IReadOnlyDictionary<string, string> Encabezados, IReadOnlyDictionary<string, string> Consulta, string Cuerpo, string? ContentType);

public sealed record NotificacionLeida(string? Referencia, string? MotivoRechazo)
{
    public bool Rechazada => MotivoRechazo is not null;

    public static NotificacionLeida Valida(string referencia) => new(referencia, null);

    public static NotificacionLeida Rechazo(string motivo) => new(null, motivo);
}

public enum EstadoPagoProveedor { Pendiente, Pagado, Rechazado, Expirado, Anulado }

/// <param name="IdPago">The provider's payment id: the unique key under which the payment is registered once in Cartera.</param>
/// <param name="ReferenciaComercio">The external reference we sent (our link id), as the provider reports it back.</param>
public sealed record EstadoCobro(
    EstadoPagoProveedor Estado, string? IdPago, string? ReferenciaComercio, decimal? Monto, string? Moneda, DateTimeOffset? FechaPago,
    string? Detalle);
