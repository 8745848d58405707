using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>
/// Published after commit whenever payments were applied to documents of these clients or applications were reversed
/// (a payment registered, a saldo a favor applied, a batch, a cheque cleared or protested, an application reversed): what a
/// client has paid changed, so whatever depends on it (payment promises) re-evaluates.
/// </summary>
public sealed record PagosAplicadosCambiaron(Guid EmpresaId, IReadOnlyCollection<Guid> ClienteIds, DateOnly Fecha) : INotification;

/// <summary>What payments applied to a client's documents on one date, in CLP (UF and USD at today's value).</summary>
public sealed record PagoAplicado(Guid ClienteId, Guid DocumentoId, DateOnly Fecha, decimal MontoClp);

/// <summary>
/// The amounts payments (not credit notes) applied to the documents of these clients of the caller's company between
/// <paramref name="Desde"/> and <paramref name="Hasta"/> (inclusive, by the application's date), grouped by client, document
/// and date; reversed applications do not count. <paramref name="DocumentoIds"/> narrows to those documents. One query.
/// </summary>
public sealed record ObtenerPagosAplicados(IReadOnlyCollection<Guid> ClienteIds, DateOnly Desde, DateOnly? Hasta = null, IReadOnlyCollection<Guid>? DocumentoIds = null)
    : IRequest<IReadOnlyList<PagoAplicado>>;
