using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>What other modules may know of a client's portfolio today: open balance, overdue part and saldo a favor, per currency.</summary>
public sealed record SaldoClienteInfo(Guid ClienteId, string Moneda, decimal Saldo, decimal SaldoVencido, decimal SaldoAFavor);

/// <summary>Balances of a client of the caller's company, one row per currency it has documents or payments in.</summary>
public sealed record ObtenerSaldoCliente(Guid ClienteId) : IRequest<IReadOnlyList<SaldoClienteInfo>>;
