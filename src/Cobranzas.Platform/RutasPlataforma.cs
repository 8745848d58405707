using Cobranzas.SharedKernel.Tenancy;

namespace Cobranzas.Platform;

/// <summary>The platform's route groups, built once, in the order of the OpenAPI document; each slice maps its own endpoint.</summary>
public sealed class RutasPlataforma(IEndpointRouteBuilder app)
{
    public IEndpointRouteBuilder Raiz { get; } = app;

    public RouteGroupBuilder Auth { get; } = app.MapGroup("/api/v1/auth").WithTags("Autenticación");

    public RouteGroupBuilder Usuarios { get; } = app.MapGroup("/api/v1/usuarios").WithTags("Usuarios").RequireAuthorization(Permisos.Administrar);

    public RouteGroupBuilder ApiKeys { get; } = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Permisos.Administrar);

    public RouteGroupBuilder Auditoria { get; } = app.MapGroup("/api/v1/auditoria").WithTags("Auditoría").RequireAuthorization(Permisos.Administrar);

    public void Mapear(params Action<RutasPlataforma>[] slices)
    {
        foreach (var slice in slices)
            slice(this);
    }
}

public static class Politicas
{
    public const string SoloUsuarios = "solo_usuarios";
}
