namespace Cobranzas.Integraciones.Proveedores;

/// <param name="Modalidad"><c>api</c>: the product talks to the provider through an adapter; <c>solicitud</c>: no public API, activation by request.</param>
public sealed record ProveedorCatalogo(
    string Codigo, string Nombre, string Descripcion, string Modalidad, string? UrlProduccion, string? UrlSandbox, string? Documentacion);

/// <summary>The providers a company can use, whether or not their adapter is registered in this build.</summary>
public static class CatalogoProveedores
{
    public const string Api = "api";
    public const string Solicitud = "solicitud";

    public static readonly IReadOnlyList<ProveedorCatalogo> Todos =
    [
        new("flow", "Flow", "Pasarela de pagos chilena: el cliente paga con Webpay, Servipag, Multicaja, Mach o transferencia; Flow confirma el pago al servidor y el pago se registra solo.",
            Api, "https://www.flow.cl/api/", "https://sandbox.flow.cl/api/", "https://developers.flow.cl/api"),
        new("khipu", "Khipu", "Pagos por transferencia bancaria simplificada; Khipu notifica cada pago conciliado con una firma que se verifica.",
            Api, "https://payment-api.khipu.com/", "https://payment-api.khipu.com/", "https://docs.khipu.com/"),
        new("mercadopago", "Mercado Pago", "Checkout Pro de Mercado Pago: tarjetas, débito y saldo en cuenta; notificaciones firmadas por enlace.",
            Api, "https://api.mercadopago.com/", "https://api.mercadopago.com/", "https://www.mercadopago.cl/developers"),
        new("webpay", "Webpay Plus", "Webpay Plus de Transbank: tarjetas de crédito y débito; la transacción se confirma al volver el pagador y se consulta hasta 7 días.",
            Api, "https://webpay3g.transbank.cl/", "https://webpay3gint.transbank.cl/", "https://www.transbankdevelopers.cl/referencia/webpay"),
        new("cobranza-online", "Cobranza Online", "Portal de pago y recaudación de Cobranza Online. No tiene API pública: la activación se solicita y la gestiona el proveedor con la empresa.",
            Solicitud, null, null, null),
        new("defontana-pay", "Defontana Pay", "Botón de pago de Defontana. No tiene API pública: la activación se solicita y la gestiona el proveedor con la empresa.",
            Solicitud, null, null, null),
    ];

    public static ProveedorCatalogo? Buscar(string codigo) => Todos.FirstOrDefault(p => p.Codigo == codigo);
}
