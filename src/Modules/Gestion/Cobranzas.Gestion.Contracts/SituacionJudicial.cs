using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>
/// Where a client stands in legal collection: lawsuits still open, the date the last one ended (if all ended), and its insolvency
/// procedure (open, or the date it closed). A client with neither lawsuits nor insolvency is absent.
/// </summary>
public sealed record SituacionJudicialCliente(Guid ClienteId, int JuiciosVigentes, DateOnly? UltimoJuicioTerminado, bool QuiebraAbierta, DateOnly? QuiebraCerrada);

/// <summary>The legal situation of these clients of the caller's company. Handled by Gestión.</summary>
public sealed record SituacionJudicialClientes(IReadOnlyCollection<Guid> ClienteIds) : IRequest<IReadOnlyList<SituacionJudicialCliente>>;
