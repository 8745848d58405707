using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>
/// A client's open debt today, in CLP (UF and USD at today's value): balance, the overdue part, the oldest due date of
/// its open installments outside the excluded documents (null if none is left) and how many documents are open.
/// </summary>
public sealed record DeudaCliente(Guid ClienteId, decimal Saldo, decimal Vencido, DateOnly? VencimientoMasAntiguo, int DocumentosAbiertos, int DocumentosVencidos);

/// <summary>
/// The open debt of the caller's company's clients (<paramref name="ClienteIds"/> null: every client with open debt), in
/// one set-based query. <paramref name="DocumentosExcluidos"/> leave the oldest due date (documents in dispute or under a
/// pending promise do not drive escalation) but still count in the balance.
/// </summary>
public sealed record ObtenerDeudaClientes(IReadOnlyCollection<Guid>? ClienteIds, IReadOnlyCollection<Guid>? DocumentosExcluidos = null)
    : IRequest<IReadOnlyList<DeudaCliente>>;

/// <summary>A document of the caller's company as Gestión shows it beside a promise, dispute or activity.</summary>
public sealed record DocumentoInfo(Guid Id, Guid ClienteId, string Tipo, long Folio, DateOnly FechaVencimiento, string Moneda, decimal Total, decimal Saldo);

/// <summary>Documents of the caller's company by id; unknown ones are absent.</summary>
public sealed record BuscarDocumentos(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<DocumentoInfo>>;

/// <summary>An open installment of a document of the caller's company that falls due on <see cref="Fecha"/>.</summary>
public sealed record VencimientoDocumento(Guid DocumentoId, Guid ClienteId, string Tipo, long Folio, int Cuota, DateOnly Fecha, string Moneda, decimal Saldo);

/// <summary>
/// The open installments (balance left, document in force) of the caller's company falling due between
/// <paramref name="Desde"/> and <paramref name="Hasta"/> inclusive, of <paramref name="ClienteIds"/> (null: every client), in one
/// set-based query ordered by date and folio (unordered with <paramref name="Ordenados"/> false: a caller that groups them by client sorts
/// each group itself, cheaper than sorting every open installment of the company).
/// </summary>
public sealed record VencimientosEnRango(IReadOnlyCollection<Guid>? ClienteIds, DateOnly Desde, DateOnly Hasta, bool Ordenados = true) : IRequest<IReadOnlyList<VencimientoDocumento>>;
