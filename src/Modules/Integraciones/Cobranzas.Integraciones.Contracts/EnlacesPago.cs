using Mediator;

namespace Cobranzas.Integraciones.Contracts;

/// <summary>An active (unexpired, unpaid) payment link of a client: where the client pays, how much, until when.</summary>
public sealed record EnlacePagoActivo(Guid Id, Guid ClienteId, string Proveedor, string Url, decimal Monto, string Moneda, DateTimeOffset Expira, IReadOnlyList<Guid> DocumentoIds);

/// <summary>The active payment links of these clients of the caller's company, newest first per client; one query.</summary>
public sealed record EnlacesPagoActivos(IReadOnlyCollection<Guid> ClienteIds) : IRequest<IReadOnlyList<EnlacePagoActivo>>;

/// <summary>A payment link created (or the active one for the same documents) for a client, as its payer sees it.</summary>
public sealed record EnlacePagoCliente(Guid Id, string Proveedor, string Estado, string? Url, decimal Monto, string Moneda, DateTimeOffset Expira, IReadOnlyList<Guid> DocumentoIds);

/// <summary>
/// A payment link with the company's default active provider for some documents of the client or, with
/// <paramref name="DeudaVencida"/>, its whole overdue debt (same rules as <c>POST /integraciones/enlaces-pago</c>).
/// </summary>
public sealed record CrearEnlacePagoCliente(Guid ClienteId, IReadOnlyList<Guid>? DocumentoIds, bool DeudaVencida, string? EmailPagador) : IRequest<EnlacePagoCliente>;

/// <summary>The client's payment links (newest first, at most 20), whatever their state: what it started paying and what was confirmed.</summary>
public sealed record EnlacesPagoCliente(Guid ClienteId) : IRequest<IReadOnlyList<EnlacePagoCliente>>;
