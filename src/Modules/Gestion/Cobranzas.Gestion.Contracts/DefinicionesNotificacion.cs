using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>Which of these collectors exist in the caller's company (active or not).</summary>
public sealed record CobradoresExistentes(IReadOnlyCollection<Guid> CobradorIds) : IRequest<IReadOnlySet<Guid>>;
