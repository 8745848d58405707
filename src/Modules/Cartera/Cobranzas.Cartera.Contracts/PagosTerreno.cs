using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>
/// A payment a collector took in the field (Gestión's field receipts), registered once per <paramref name="ClaveIdempotencia"/> in
/// the caller's company: a retried offline submission, even concurrent, returns the payment already registered with
/// <see cref="PagoTerrenoRegistrado.Nuevo"/> false. Channel <c>efectivo</c> or <c>cheque</c> (a cheque dated later stays in the
/// portfolio until it is cashed); applied automatically, oldest first, like any payment; the rest stays as saldo a favor.
/// </summary>
public sealed record RegistrarPagoTerreno(
    Guid ClienteId, string ClaveIdempotencia, DateOnly Fecha, decimal Monto, string Moneda, string Canal, DateOnly? FechaCheque, string Referencia)
    : IRequest<PagoTerrenoRegistrado>;

public sealed record DocumentoPagadoTerreno(Guid DocumentoId, string Tipo, long Folio, decimal Monto);

public sealed record PagoTerrenoRegistrado(Guid PagoId, bool Nuevo, decimal Aplicado, IReadOnlyList<DocumentoPagadoTerreno> Documentos);
