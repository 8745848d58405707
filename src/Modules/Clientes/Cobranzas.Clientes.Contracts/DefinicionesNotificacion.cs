using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>Which of these client groups and contact groups exist in the caller's company (the ids found, both kinds together).</summary>
public sealed record GruposExistentes(IReadOnlyCollection<Guid> GrupoClienteIds, IReadOnlyCollection<Guid> GrupoContactoIds) : IRequest<IReadOnlySet<Guid>>;
