using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>
/// A request a client made in its portal (an agreement request, a question) as a task for the client's collector, origin
/// <c>portal</c>; the collector answers by completing the task with a result. Answers the task's id.
/// </summary>
public sealed record RegistrarSolicitudPortal(Guid ClienteId, string Tipo, string Titulo, string Mensaje, string Autor) : IRequest<Guid>;

/// <summary>A claim a client opened in its portal on its documents: a dispute (reason "Reclamo desde el portal") with its review task. Answers the dispute's id.</summary>
public sealed record AbrirReclamoPortal(Guid ClienteId, IReadOnlyList<Guid> DocumentoIds, string Mensaje) : IRequest<Guid>;

/// <summary>A promise to pay taken from the portal (channel <c>portal</c>), one installment; it pauses reminders like any promise. Answers its id.</summary>
public sealed record TomarCompromisoPortal(Guid ClienteId, DateOnly Fecha, decimal Monto, string? Notas) : IRequest<Guid>;

/// <summary>Where a portal request stands and the company's latest answer (the task's result, the dispute's last staff note).</summary>
public sealed record EstadoSolicitudPortal(Guid Id, string Estado, string? Respuesta, DateTimeOffset? Respondida);

/// <summary>The state of these tasks and disputes of the caller's company (ids not found are left out).</summary>
public sealed record ObtenerEstadoSolicitudesPortal(IReadOnlyCollection<Guid> TareaIds, IReadOnlyCollection<Guid> DisputaIds) : IRequest<IReadOnlyList<EstadoSolicitudPortal>>;
