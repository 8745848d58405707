using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>An active contact of a client of the caller's company, as the client portal needs it.</summary>
public sealed record ContactoPortal(Guid ClienteId, Guid ContactoId, string Nombre, string Email, string RutCliente, string RazonSocialCliente);

/// <summary>The active contacts of the caller's company whose e-mail is <paramref name="Email"/> (case-insensitive), one per client.</summary>
public sealed record BuscarContactosPortal(string Email) : IRequest<IReadOnlyList<ContactoPortal>>;

/// <summary>
/// The contact of a portal session, if it still exists, is active and keeps the session's e-mail; checked on every portal
/// request (before the request has a company, hence <paramref name="EmpresaId"/>).
/// </summary>
public sealed record ObtenerContactoPortal(Guid EmpresaId, Guid ClienteId, Guid ContactoId, string Email) : IRequest<ContactoPortal?>;
