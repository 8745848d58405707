using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>Which of these collector ids are collectors of the caller's company (a filter of Notificaciones names them).</summary>
public sealed record CobradoresExistentes(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<Guid>>;
