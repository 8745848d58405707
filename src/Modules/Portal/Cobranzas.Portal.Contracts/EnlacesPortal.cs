using Mediator;

namespace Cobranzas.Portal.Contracts;

/// <summary>
/// A portal link per client of the caller's company, for a reminder to carry (template tag <c>enlace_portal</c>): single-use,
/// valid a few days, for the contact it is addressed to. Clients without that contact on file get none.
/// </summary>
public sealed record CrearEnlacesPortal(IReadOnlyCollection<EnlacePortalPedido> Pedidos) : IRequest<IReadOnlyDictionary<Guid, string>>;

/// <summary>A link for this contact of this client; the answer is keyed by <paramref name="ContactoId"/>.</summary>
public sealed record EnlacePortalPedido(Guid ClienteId, Guid ContactoId, string Email);
