using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>A pending payment promise (not yet kept nor broken) and the amount still promised, in the promise's currency.</summary>
public sealed record CompromisoPendiente(Guid CompromisoId, Guid ClienteId, Guid? CobradorId, DateOnly Fecha, string Moneda, decimal Monto);

/// <summary>The pending promises of the caller's company due between <paramref name="Desde"/> and <paramref name="Hasta"/> inclusive.</summary>
public sealed record CompromisosPendientes(DateOnly Desde, DateOnly Hasta, IReadOnlyCollection<Guid>? ClienteIds)
    : IRequest<IReadOnlyList<CompromisoPendiente>>;

/// <summary>
/// A case a manager must look at: <see cref="Tipo"/> is <c>mayor_vencido</c> (largest overdue balances),
/// <c>compromiso_roto</c> (a promise broken after date + grace) or <c>disputa_abierta</c> (a dispute open more than the
/// configured days); <see cref="Dias"/> is days overdue, since the promise date or since the dispute opened.
/// </summary>
public sealed record CasoCritico(string Tipo, Guid ClienteId, Guid? ReferenciaId, decimal Monto, int Dias, string Descripcion);

/// <summary>Up to <paramref name="PorTipo"/> critical cases of each type at <paramref name="Corte"/>, worst first.</summary>
public sealed record ObtenerCasosCriticos(DateOnly Corte, int PorTipo, IReadOnlyCollection<Guid>? ClienteIds) : IRequest<IReadOnlyList<CasoCritico>>;

/// <summary>
/// A collector's work between two dates: contacts made (activities that reached the client), promises taken, kept (by
/// count and CLP amount) and the amount collected from the collector's clients.
/// </summary>
public sealed record ProductividadCobrador(
    Guid CobradorId, string Nombre, int Actividades, int Contactos, int CompromisosTomados, decimal MontoComprometido,
    int CompromisosCumplidos, decimal MontoCumplido, decimal Recaudado);

/// <summary>Productivity of every collector of the caller's company (or only <paramref name="CobradorId"/>) in the period.</summary>
public sealed record ObtenerProductividadCobradores(DateOnly Desde, DateOnly Hasta, Guid? CobradorId) : IRequest<IReadOnlyList<ProductividadCobrador>>;
