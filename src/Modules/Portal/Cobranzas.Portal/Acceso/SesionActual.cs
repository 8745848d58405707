using System.Security.Claims;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Cobranzas.Portal.Acceso;

/// <summary>The portal session of the request: every portal slice reads its client from here, never from the request.</summary>
public sealed class SesionActual(IHttpContextAccessor http)
{
    private ClaimsPrincipal Principal => http.HttpContext?.User ?? throw new InvalidOperationException("Sin solicitud.");

    public Guid SesionId => Leer(SesionesPortal.ClaimSesion);
    public Guid ClienteId => Leer(SesionesPortal.ClaimCliente);
    public Guid ContactoId => Leer(SesionesPortal.ClaimContacto);
    public string Actor => Principal.FindFirstValue(Permisos.ClaimActor) ?? "portal";

    private Guid Leer(string claim) =>
        Guid.TryParse(Principal.FindFirstValue(claim), out var id) ? id : throw new InvalidOperationException("La solicitud no tiene sesión del portal.");
}

/// <summary>The portal's routes: public ones (ask for a link, open a session) and those of a portal session, under <c>/api/v1/portal</c>.</summary>
public sealed class RutasPortal(IEndpointRouteBuilder app)
{
    public RouteGroupBuilder Publico { get; } = app.MapGroup("/api/v1/portal").WithTags("Portal").AllowAnonymous();

    public RouteGroupBuilder Sesion { get; } = app.MapGroup("/api/v1/portal").WithTags("Portal").RequireAuthorization(SesionesPortal.Politica);

    public void Mapear(params Action<RutasPortal>[] slices)
    {
        foreach (var slice in slices)
            slice(this);
    }
}
