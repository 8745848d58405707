using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>
/// The business dates (Santiago) on which the client of the caller's company was notified of its debt between
/// <paramref name="Desde"/> and <paramref name="Hasta"/> inclusive: a written contact (e-mail, letter, message) whatever its
/// answer, or a call or visit that reached the client. Ley 19.496 art. 37 reduces the collection charges of a consumer who got none.
/// </summary>
public sealed record ObtenerAvisosCobranza(Guid ClienteId, DateOnly Desde, DateOnly Hasta) : IRequest<IReadOnlyList<DateOnly>>;
