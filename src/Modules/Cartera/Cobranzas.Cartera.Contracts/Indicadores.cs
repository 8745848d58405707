using Mediator;

namespace Cobranzas.Cartera.Contracts;

/// <summary>
/// The portfolio KPIs at <see cref="Corte"/>, in CLP, over the <see cref="DiasPeriodo"/> days ending at it (the month
/// for a month-end cut-off): receivable, overdue and &gt;90 days, DSO (countback and simple), best possible DSO, average
/// days delinquent (DSO − best DSO), CEI (%), morosity index (overdue / total, %), at-risk share (&gt;90 / total, %),
/// bad-debt loss (write-offs / credit sales of the period, %), credit sales and collections of the period.
/// </summary>
public sealed record IndicadoresCartera(
    DateOnly Corte, int DiasPeriodo, decimal TotalPorCobrar, decimal Vencido, decimal VencidoMas90, decimal DsoCountback, decimal DsoSimple,
    decimal MejorDso, decimal DiasPromedioAtraso, decimal Cei, decimal IndiceMorosidad, decimal ParticipacionRiesgo, decimal PerdidaIncobrables,
    decimal VentasCredito, decimal Recaudado);

/// <summary>The KPIs of the caller's company at a cut-off, of <paramref name="ClienteIds"/> (null: every client).</summary>
public sealed record ObtenerIndicadoresCartera(DateOnly Corte, IReadOnlyCollection<Guid>? ClienteIds) : IRequest<IndicadoresCartera>;

/// <summary>
/// The KPIs at each of the last <paramref name="Meses"/> month-ends up to <paramref name="Corte"/> (the last element is at
/// <paramref name="Corte"/> itself), oldest first: the 12-month trend of the dashboard.
/// </summary>
public sealed record ObtenerTendenciaIndicadores(DateOnly Corte, int Meses, IReadOnlyCollection<Guid>? ClienteIds)
    : IRequest<IReadOnlyList<IndicadoresCartera>>;

/// <summary>
/// What was collected (payments applied to documents, CLP) with application date between <paramref name="Desde"/> and
/// <paramref name="Hasta"/> inclusive, from <paramref name="ClienteIds"/> (null: every client), reversals excluded.
/// </summary>
public sealed record ObtenerRecaudacion(DateOnly Desde, DateOnly Hasta, IReadOnlyCollection<Guid>? ClienteIds) : IRequest<decimal>;

/// <summary>A client counted in a group (a collector's clients): a client may be in several groups.</summary>
public readonly record struct ClienteEnGrupo(Guid ClienteId, Guid GrupoId);

/// <summary>
/// <see cref="ObtenerRecaudacion"/> for many groups of clients at once: each group's figure is the one that contract answers
/// for the group's clients. Groups that collected nothing are absent.
/// </summary>
public sealed record ObtenerRecaudacionPorGrupo(DateOnly Desde, DateOnly Hasta, IReadOnlyCollection<ClienteEnGrupo> Clientes)
    : IRequest<IReadOnlyDictionary<Guid, decimal>>;
