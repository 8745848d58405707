using Mediator;

namespace Cobranzas.Notificaciones.Contracts;

/// <summary>What the e-mail of an escalation step did: one message queued, or none with the reason (no contact with a usable e-mail…).</summary>
public sealed record ResultadoCorreoPaso(int Encolados, string? Omitido);

/// <summary>
/// Queues the e-mail of an escalation step (Gestión's action <c>correo</c>) for the caller's company: rendered with the
/// company's definition of kind <c>politica</c> (<paramref name="DefinicionId"/>, else its first active one, else a built-in
/// default), one message per applied step (key <c>paso:{PasoAplicadoId}</c>), so asking twice queues it once.
/// </summary>
public sealed record EncolarCorreoPaso(Guid ClienteId, Guid PasoAplicadoId, string NombrePaso, Guid? DefinicionId, DateOnly Fecha) : IRequest<ResultadoCorreoPaso>;
