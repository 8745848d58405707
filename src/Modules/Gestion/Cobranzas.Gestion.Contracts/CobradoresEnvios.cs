using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>A sent message for <see cref="RegistrarCorreosEnviados"/>.</summary>
public sealed record CorreoEnviado(Guid ClienteId, string Resumen, DateTimeOffset Fecha, Guid OrigenId);

/// <summary>
/// Many sent messages in their clients' timelines at once (the sender's batch): the same activity as <see cref="RegistrarActividadCorreo"/>
/// of kind <see cref="TiposActividadCorreo.Enviado"/>, idempotent on each origin id, in three queries and one save.
/// </summary>
public sealed record RegistrarCorreosEnviados(IReadOnlyList<CorreoEnviado> Correos) : IRequest<int>;
