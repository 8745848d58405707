using Mediator;

namespace Cobranzas.SharedKernel.Contratos;

/// <summary>The full key is only in this answer; the platform keeps its hash.</summary>
public sealed record ApiKeyAgenciaCreada(Guid Id, string Prefijo, string Clave);

/// <summary>A key of the caller's company scoped to one collection agency (permission <c>agencia</c> only). Handled by the platform.</summary>
public sealed record CrearApiKeyAgencia(Guid AgenciaId, string Nombre) : IRequest<ApiKeyAgenciaCreada>;
