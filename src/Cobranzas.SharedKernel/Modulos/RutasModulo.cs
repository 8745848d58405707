using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cobranzas.SharedKernel.Modulos;

/// <summary>
/// A module's route groups under <c>/api/v1</c>, built once, one per permission; each slice
/// maps its own endpoint on the group it needs. The groups are created in this order, which
/// is the order of the operations in the OpenAPI document.
/// </summary>
public sealed class RutasModulo(IEndpointRouteBuilder app, string etiqueta)
{
    public RouteGroupBuilder Leer { get; } = Grupo(app, etiqueta, Permisos.Ver);

    public RouteGroupBuilder Escribir { get; } = Grupo(app, etiqueta, Permisos.Editar);

    /// <summary>Writes that run the team (supervisors and administrators, and read-write API keys).</summary>
    public RouteGroupBuilder Supervisar { get; } = Grupo(app, etiqueta, Permisos.Editar).RequireAuthorization(Permisos.Supervisar);

    /// <summary>Sending e-mail to clients now (a manual run, a test message): users whose role may notify.</summary>
    public RouteGroupBuilder Notificar { get; } = Grupo(app, etiqueta, Permisos.Editar).RequireAuthorization(Permisos.EnviarNotificaciones);

    public RouteGroupBuilder Administrar { get; } = Grupo(app, etiqueta, Permisos.Administrar);

    /// <summary>Only a collection agency's scoped key: it sees its assigned documents and nothing else.</summary>
    public RouteGroupBuilder Agencia { get; } = Grupo(app, etiqueta, Permisos.Agencia);

    /// <summary>No login: each endpoint is verified by its own signed token (tracking pixel, click redirect, unsubscribe).</summary>
    public RouteGroupBuilder Publico { get; } = app.MapGroup("/api/v1").WithTags(etiqueta).AllowAnonymous();

    public void Mapear(params Action<RutasModulo>[] slices)
    {
        foreach (var slice in slices)
            slice(this);
    }

    private static RouteGroupBuilder Grupo(IEndpointRouteBuilder app, string etiqueta, string permiso) =>
        app.MapGroup("/api/v1").WithTags(etiqueta).RequireAuthorization(permiso);
}
