using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>
/// Expected receipts (CLP) of the week starting on <see cref="Inicio"/> (a Monday) with its low/high band, and the part of
/// <see cref="Esperado"/> that comes from open payment promises.
/// </summary>
public sealed record SemanaPronostico(DateOnly Inicio, decimal Esperado, decimal Bajo, decimal Alto, decimal DeCompromisos);

/// <summary>The receipts forecast of the caller's company for <paramref name="Semanas"/> weeks from the week of <paramref name="Desde"/>.</summary>
public sealed record ObtenerPronosticoSemanal(DateOnly Desde, int Semanas, IReadOnlyCollection<Guid>? ClienteIds)
    : IRequest<IReadOnlyList<SemanaPronostico>>;
