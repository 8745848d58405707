using Mediator;

namespace Cobranzas.SharedKernel.Contratos;

/// <summary>
/// Queues one e-mail (plain text, HTML-escaped for its HTML part) to every active administrator of the caller's company
/// through the platform's outbox; returns how many were queued. Handled by the platform.
/// </summary>
public sealed record AvisarAdministradores(string Asunto, string Texto) : IRequest<int>;
