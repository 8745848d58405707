using Mediator;

namespace Cobranzas.SharedKernel.Contratos;

/// <summary>Published by the platform when a company is created, so each module can seed its defaults.</summary>
public sealed record EmpresaRegistrada(Guid EmpresaId) : INotification;

/// <summary>Whether a user is an active member of the caller's company (used to validate assignments).</summary>
public sealed record ExisteUsuarioEnEmpresa(Guid EmpresaId, string UsuarioId) : IRequest<bool>;
