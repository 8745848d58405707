using Cobranzas.Platform.ApiKeys;
using Cobranzas.Platform.Auditoria;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Usuarios;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cobranzas.Platform;

public static class PlataformaEndpoints
{
    public static IEndpointRouteBuilder MapPlataformaEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Autenticación");
        auth.MapPost("/login", async Task<Ok<SesionDto>> (IniciarSesion cmd, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(cmd, ct)))
            .WithName("IniciarSesion").AllowAnonymous().ProducesProblem(400).ProducesProblem(401);
        auth.MapPost("/cambiar-empresa", async Task<Ok<SesionDto>> (CambiarEmpresa cmd, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(cmd, ct)))
            .WithName("CambiarEmpresa").RequireAuthorization(Politicas.SoloUsuarios).ProducesProblem(404);
        auth.MapGet("/sesion", async Task<Ok<SesionActualDto>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerSesionActual(), ct)))
            .WithName("ObtenerSesion").RequireAuthorization();
        auth.MapPost("/logout", async Task<NoContent> (IMediator m, CancellationToken ct) => { await m.Send(new CerrarSesion(), ct); return TypedResults.NoContent(); })
            .WithName("CerrarSesion").RequireAuthorization(Politicas.SoloUsuarios);
        auth.MapGet("/invitaciones/{token}", async Task<Ok<InvitacionDto>> (string token, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerInvitacion(token), ct)))
            .WithName("ObtenerInvitacion").AllowAnonymous().ProducesProblem(404);
        auth.MapPost("/activar", async Task<NoContent> (ActivarCuenta cmd, IMediator m, CancellationToken ct) => { await m.Send(cmd, ct); return TypedResults.NoContent(); })
            .WithName("ActivarCuenta").AllowAnonymous().ProducesProblem(400).ProducesProblem(404);

        var usuarios = app.MapGroup("/api/v1/usuarios").WithTags("Usuarios").RequireAuthorization(Permisos.Administrar);
        usuarios.MapGet("/", async Task<Ok<IReadOnlyList<UsuarioDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarUsuarios(), ct)))
            .WithName("ListarUsuarios");
        usuarios.MapPost("/invitaciones", async Task<Created<UsuarioDto>> (InvitarUsuario cmd, IMediator m, CancellationToken ct) =>
            {
                var u = await m.Send(cmd, ct);
                return TypedResults.Created($"/api/v1/usuarios/{u.Id}", u);
            })
            .WithName("InvitarUsuario").ProducesValidationProblem().ProducesProblem(409);
        usuarios.MapPut("/{id}/rol", async Task<Ok<UsuarioDto>> (string id, CambioRolDto body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarRolUsuario(id, body.Rol), ct)))
            .WithName("CambiarRolUsuario").ProducesValidationProblem().ProducesProblem(404);
        usuarios.MapPost("/{id}/desactivar", async Task<Ok<UsuarioDto>> (string id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarEstadoUsuario(id, false), ct)))
            .WithName("DesactivarUsuario").ProducesProblem(404).ProducesProblem(422);
        usuarios.MapPost("/{id}/reactivar", async Task<Ok<UsuarioDto>> (string id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarEstadoUsuario(id, true), ct)))
            .WithName("ReactivarUsuario").ProducesProblem(404);

        app.MapGet("/api/v1/ejecutivos", async Task<Ok<IReadOnlyList<EjecutivoDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarEjecutivos(), ct)))
            .WithName("ListarEjecutivos").WithTags("Usuarios").RequireAuthorization(Permisos.Ver);

        var claves = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Permisos.Administrar);
        claves.MapGet("/", async Task<Ok<IReadOnlyList<ApiKeyDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarApiKeys(), ct)))
            .WithName("ListarApiKeys");
        claves.MapPost("/", async Task<Created<ApiKeyCreadaDto>> (CrearApiKey cmd, IMediator m, CancellationToken ct) =>
            {
                var k = await m.Send(cmd, ct);
                return TypedResults.Created($"/api/v1/api-keys/{k.ApiKey.Id}", k);
            })
            .WithName("CrearApiKey").ProducesValidationProblem();
        claves.MapDelete("/{id:guid}", async Task<Ok<ApiKeyDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RevocarApiKey(id), ct)))
            .WithName("RevocarApiKey").ProducesProblem(404);

        app.MapGroup("/api/v1/auditoria").WithTags("Auditoría").RequireAuthorization(Permisos.Administrar)
            .MapGet("/", async Task<Ok<Pagina<EntradaAuditoriaDto>>> ([AsParameters] ListarAuditoria q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarAuditoria").ProducesValidationProblem();
        return app;
    }

    public sealed record CambioRolDto(string Rol);
}

public static class Politicas
{
    public const string SoloUsuarios = "solo_usuarios";
}
