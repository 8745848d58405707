using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Autenticacion;

public sealed record CerrarSesion : IRequest
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapPost("/logout", async Task<NoContent> (IMediator m, CancellationToken ct) => { await m.Send(new CerrarSesion(), ct); return TypedResults.NoContent(); })
        .WithName("CerrarSesion").RequireAuthorization(Politicas.SoloUsuarios);
}

public sealed class CerrarSesionHandler(PlataformaDbContext db, IHttpContextAccessor http, TimeProvider reloj) : IRequestHandler<CerrarSesion>
{
    public async ValueTask<Unit> Handle(CerrarSesion request, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(http.HttpContext?.User.FindFirst(Permisos.ClaimSesion)?.Value, out var sesionId))
        {
            var ahora = reloj.GetUtcNow();
            await db.Sesiones.Where(s => s.Id == sesionId && s.Revocada == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Revocada, ahora), cancellationToken);
        }

        return Unit.Value;
    }
}

public sealed record ObtenerSesionActual : IRequest<SesionActualDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapGet("/sesion", async Task<Ok<SesionActualDto>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerSesionActual(), ct)))
        .WithName("ObtenerSesion").RequireAuthorization();
}

public sealed record SesionActualDto(UsuarioSesionDto? Usuario, EmpresaSesionDto Empresa, string Actor, IReadOnlyList<string> Permisos, IReadOnlyList<EmpresaSesionDto> Empresas);

public sealed class ObtenerSesionActualHandler(PlataformaDbContext db, IContextoSolicitud contexto, IHttpContextAccessor http)
    : IRequestHandler<ObtenerSesionActual, SesionActualDto>
{
    public async ValueTask<SesionActualDto> Handle(ObtenerSesionActual request, CancellationToken cancellationToken)
    {
        var permisos = http.HttpContext!.User.FindAll(Permisos.ClaimTipo).Select(c => c.Value).ToList();
        var empresa = await db.Empresas.AsNoTracking().SingleAsync(e => e.Id == contexto.EmpresaId, cancellationToken);
        if (contexto.UsuarioId is null)
            return new SesionActualDto(null, new EmpresaSesionDto(empresa.Id, empresa.Rut, empresa.RazonSocial, "api"), contexto.Actor, permisos, []);

        var usuario = await db.Users.AsNoTracking().SingleAsync(u => u.Id == contexto.UsuarioId, cancellationToken);
        var membresias = await db.Membresias.AsNoTracking().Include(m => m.Empresa)
            .Where(m => m.UsuarioId == usuario.Id && m.Activa)
            .OrderBy(m => m.Empresa!.RazonSocial)
            .Select(m => new EmpresaSesionDto(m.EmpresaId, m.Empresa!.Rut, m.Empresa.RazonSocial, m.Rol))
            .ToListAsync(cancellationToken);
        var actual = membresias.Single(m => m.Id == empresa.Id);
        return new SesionActualDto(new UsuarioSesionDto(usuario.Id, usuario.Email ?? "", usuario.Nombre), actual, contexto.Actor, permisos, membresias);
    }
}
