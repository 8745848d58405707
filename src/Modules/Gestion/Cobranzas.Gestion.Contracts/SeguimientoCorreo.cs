using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>
/// The clients the caller may see (a Cobrador user: those assigned to its collector), or null when it sees every client; Notificaciones'
/// delivery log applies the same scope as Gestión.
/// </summary>
public sealed record ClientesVisiblesCorreo : IRequest<IReadOnlyList<Guid>?>;
