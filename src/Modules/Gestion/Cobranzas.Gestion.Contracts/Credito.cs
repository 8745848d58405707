using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>How many of the client's payment promises taken since <paramref name="Desde"/> were broken (unkept or kept only in part). Handled by Gestión.</summary>
public sealed record CompromisosRotosCliente(Guid ClienteId, DateOnly Desde) : IRequest<int>;

/// <summary>
/// A review task for the client's collector (origin <c>credito</c>), e.g. a credit line about to expire. Once per
/// <paramref name="OrigenId"/> while a task for it is pending: answers the existing task's id then.
/// </summary>
public sealed record CrearTareaRevisionCredito(Guid ClienteId, Guid OrigenId, string Titulo, string Motivo, DateOnly Fecha) : IRequest<Guid>;
