using System.Security.Claims;
using Cobranzas.SharedKernel.Tenancy;

namespace Cobranzas.Platform.Autenticacion;

/// <summary>
/// Reads the caller from the authenticated principal; background work and the demo loader
/// set it explicitly with <see cref="Establecer"/>.
/// </summary>
public sealed class ContextoSolicitud(IHttpContextAccessor http) : IContextoSolicitudExplicito
{
    private (Guid EmpresaId, string Actor, string? UsuarioId)? _explicito;

    public void Establecer(Guid empresaId, string actor, string? usuarioId = null) => _explicito = (empresaId, actor, usuarioId);

    private ClaimsPrincipal? Principal => http.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;

    public Guid EmpresaId =>
        _explicito?.EmpresaId
        ?? (Guid.TryParse(Principal?.FindFirstValue(Permisos.ClaimEmpresa), out var id) ? id : throw new InvalidOperationException("La solicitud no tiene empresa."));

    public bool TieneEmpresa => _explicito is not null || Guid.TryParse(Principal?.FindFirstValue(Permisos.ClaimEmpresa), out _);

    public string? UsuarioId => _explicito?.UsuarioId ?? (ApiKeyId is null ? Principal?.FindFirstValue(ClaimTypes.NameIdentifier) : null);

    public Guid? ApiKeyId => _explicito is null && Guid.TryParse(Principal?.FindFirstValue(Permisos.ClaimApiKey), out var k) ? k : null;

    public string? Rol => _explicito is null && ApiKeyId is null ? Principal?.FindFirstValue(Permisos.ClaimRol) : null;

    public string Actor => _explicito?.Actor ?? Principal?.FindFirstValue(Permisos.ClaimActor) ?? "sistema";
}
