using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>The collection stage of each of these clients of the caller's company; a client that never entered the process is absent.</summary>
public sealed record EtapasDeClientes(IReadOnlyCollection<Guid> ClienteIds) : IRequest<IReadOnlyDictionary<Guid, string>>;

/// <summary>The clients of the caller's company in this collection stage (one of <see cref="EtapasCobranza.Todas"/>).</summary>
public sealed record ClientesEnEtapa(string Etapa) : IRequest<IReadOnlyList<Guid>>;
