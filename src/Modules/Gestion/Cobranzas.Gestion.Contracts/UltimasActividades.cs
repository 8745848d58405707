using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>The date of each client's latest activity (of <paramref name="ClienteIds"/>, in the caller's company); clients without any are absent.</summary>
public sealed record UltimasActividades(IReadOnlyCollection<Guid> ClienteIds) : IRequest<IReadOnlyDictionary<Guid, DateTimeOffset>>;
