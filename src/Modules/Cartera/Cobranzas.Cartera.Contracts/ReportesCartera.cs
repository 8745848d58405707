using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>A client among the largest debtors at a cut-off: balance and overdue part (CLP) and its share of the total (%).</summary>
public sealed record DeudorPrincipal(Guid ClienteId, decimal Saldo, decimal Vencido, decimal Participacion);

/// <summary>The <paramref name="Cantidad"/> largest debtors of the caller's company at <paramref name="Corte"/>, largest first.</summary>
public sealed record ObtenerPrincipalesDeudores(DateOnly Corte, int Cantidad, IReadOnlyCollection<Guid>? ClienteIds)
    : IRequest<IReadOnlyList<DeudorPrincipal>>;
