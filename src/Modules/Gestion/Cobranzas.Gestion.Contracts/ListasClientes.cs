using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>
/// The clients assigned to a collector, for the lists that filter by it: <see cref="CobradorId"/>, or when null the
/// collector the signed-in user works as ("Mis clientes"; none when the user is linked to no collector).
/// </summary>
public sealed record ClientesDeCobrador(Guid? CobradorId) : IRequest<IReadOnlyList<Guid>>;

/// <summary>The clients in a portfolio (cartera de cobranza) of the caller's company, for the reports that filter by it.</summary>
public sealed record ClientesDeCartera(Guid CarteraId) : IRequest<IReadOnlyList<Guid>>;
