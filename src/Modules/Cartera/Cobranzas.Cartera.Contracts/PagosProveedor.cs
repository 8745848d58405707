using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>A document of a payment link and the amount the link asks for it.</summary>
public sealed record MontoDocumentoPago(Guid DocumentoId, decimal Monto);

/// <summary>
/// A payment a provider confirmed (Integraciones' payment links), registered in the caller's company once per
/// (<paramref name="Proveedor"/>, <paramref name="IdPagoExterno"/>): a second call with the same key, even concurrent, returns the
/// payment already registered with <see cref="PagoProveedorRegistrado.Nuevo"/> false. Channel <c>portal</c>; the amount is
/// applied to <paramref name="Documentos"/> in order, each up to what the link asked and what the document still owes; the
/// rest stays as saldo a favor.
/// </summary>
public sealed record RegistrarPagoProveedor(
    Guid ClienteId, string Proveedor, string IdPagoExterno, DateOnly Fecha, decimal Monto, string Moneda, IReadOnlyList<MontoDocumentoPago> Documentos, string Referencia)
    : IRequest<PagoProveedorRegistrado>;

public sealed record PagoProveedorRegistrado(Guid PagoId, bool Nuevo, decimal Aplicado);
