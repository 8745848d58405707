using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>A client of the page <see cref="PaginarClientesPorDeuda"/> returns, with today's debt in CLP (0 when it owes nothing).</summary>
public sealed record DeudaClienteOrdenada(Guid ClienteId, decimal Saldo, decimal Vencido);

/// <summary>
/// One page of <paramref name="ClienteIds"/> (the caller's filtered clients, in the caller's own order) ordered by today's
/// balance (<paramref name="PorVencido"/> false) or overdue amount, descending or ascending, in one set-based query. Ties
/// (notably every client that owes nothing) keep the order of <paramref name="ClienteIds"/>, so the caller decides the
/// secondary order (e.g. by razón social) without Cartera knowing client names.
/// </summary>
public sealed record PaginarClientesPorDeuda(IReadOnlyList<Guid> ClienteIds, bool PorVencido, bool Descendente, int Saltar, int Tomar)
    : IRequest<IReadOnlyList<DeudaClienteOrdenada>>;
