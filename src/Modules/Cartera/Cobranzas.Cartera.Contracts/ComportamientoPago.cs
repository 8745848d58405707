using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <param name="DiasPromedioPago">Days from due date to payment, averaged over the amounts paid since the date asked (negative: early); null without payments.</param>
/// <param name="Protestos">Documents and cheques protested since that date.</param>
/// <param name="PrimeraEmision">The client's first document: the start of the relationship as the portfolio knows it.</param>
/// <param name="ExposicionClp">Open balance of its documents today in pesos (UF and USD at the latest value), those ceded under administración delegada included.</param>
/// <param name="ValorUf">The UF of today (the latest loaded up to today), or null if none is loaded.</param>
public sealed record ComportamientoPago(Guid ClienteId, decimal? DiasPromedioPago, int Protestos, DateOnly? PrimeraEmision, decimal ExposicionClp, decimal? ValorUf);

/// <summary>A client's payment behaviour with this company since <paramref name="Desde"/>, for its credit evaluation. Handled by Cartera.</summary>
public sealed record ObtenerComportamientoPago(Guid ClienteId, DateOnly Desde) : IRequest<ComportamientoPago>;

/// <summary>The UF the company uses today (its own value or the national one, the latest up to today); null if none is loaded.</summary>
public sealed record ObtenerValorUfHoy : IRequest<decimal?>;
