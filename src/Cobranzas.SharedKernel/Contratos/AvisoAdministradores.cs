using Mediator;

namespace Cobranzas.SharedKernel.Contratos;

/// <summary>
/// Queues one e-mail per active administrator of the company in the platform's mail outbox (sent by its job); answers how many
/// were queued. For notices about the company's configuration (a webhook disabled after repeated failures...).
/// </summary>
public sealed record AvisarAdministradores(Guid EmpresaId, string Asunto, string Html, string Texto) : IRequest<int>;
