using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>A collector of the caller's company and the clients assigned to it.</summary>
public sealed record CobradorConClientes(Guid CobradorId, string Nombre, bool Activo, IReadOnlyList<Guid> ClienteIds);

/// <summary>Every collector of the caller's company with its clients, for the portfolio KPIs per collector (Cartera).</summary>
public sealed record ListarCobradoresConClientes : IRequest<IReadOnlyList<CobradorConClientes>>;
