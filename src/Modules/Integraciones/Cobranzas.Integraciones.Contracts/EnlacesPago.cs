using Mediator;

namespace Cobranzas.Integraciones.Contracts;

/// <summary>An active (unexpired, unpaid) payment link of a client: where the client pays, how much, until when.</summary>
public sealed record EnlacePagoActivo(Guid Id, Guid ClienteId, string Proveedor, string Url, decimal Monto, string Moneda, DateTimeOffset Expira, IReadOnlyList<Guid> DocumentoIds);

/// <summary>The active payment links of these clients of the caller's company, newest first per client; one query.</summary>
public sealed record EnlacesPagoActivos(IReadOnlyCollection<Guid> ClienteIds) : IRequest<IReadOnlyList<EnlacePagoActivo>>;
