using Cobranzas.Platform.ApiKeys;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Usuarios;

public sealed record UsuarioDto(string Id, string Email, string Nombre, string Rol, bool Activo, bool InvitacionPendiente);

public sealed record ListarUsuarios : IRequest<IReadOnlyList<UsuarioDto>>
{
    public static void Map(RutasPlataforma rutas) => rutas.Usuarios.MapGet("/", async Task<Ok<IReadOnlyList<UsuarioDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarUsuarios(), ct)))
        .WithName("ListarUsuarios");
}

public sealed class ListarUsuariosHandler(PlataformaDbContext db, IContextoSolicitud contexto) : IRequestHandler<ListarUsuarios, IReadOnlyList<UsuarioDto>>
{
    public async ValueTask<IReadOnlyList<UsuarioDto>> Handle(ListarUsuarios request, CancellationToken cancellationToken) =>
        await db.Membresias.AsNoTracking()
            .Where(m => m.EmpresaId == contexto.EmpresaId)
            .OrderBy(m => m.Usuario!.Email)
            .Select(m => new UsuarioDto(m.UsuarioId, m.Usuario!.Email!, m.Usuario.Nombre, m.Rol, m.Activa, m.Usuario.PasswordHash == null))
            .ToListAsync(cancellationToken);
}

public sealed record CambioRolDto(string Rol);

public sealed record CambiarRolUsuario(string UsuarioId, string Rol) : IRequest<UsuarioDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.Usuarios.MapPut("/{id}/rol", async Task<Ok<UsuarioDto>> (string id, CambioRolDto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CambiarRolUsuario(id, body.Rol), ct)))
        .WithName("CambiarRolUsuario").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class CambiarRolUsuarioValidator : AbstractValidator<CambiarRolUsuario>
{
    public CambiarRolUsuarioValidator() =>
        RuleFor(x => x.Rol).NotEmpty().Must(r => Roles.Todos.Contains(r)).WithMessage($"Rol debe ser uno de: {string.Join(", ", Roles.Todos)}.");
}

public sealed class CambiarRolUsuarioHandler(PlataformaDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CambiarRolUsuario, UsuarioDto>
{
    public async ValueTask<UsuarioDto> Handle(CambiarRolUsuario request, CancellationToken cancellationToken)
    {
        var membresia = await MembresiasDeEmpresa.BuscarAsync(db, contexto, request.UsuarioId, cancellationToken);
        if (membresia.UsuarioId == contexto.UsuarioId && request.Rol != Roles.Administrador)
            throw new ReglaNegocioException("rol", "propio_rol", "No puede quitarse a sí mismo el rol de administrador.");

        membresia.Rol = request.Rol;
        await ApiKeysDelCreador.RevocarLasQueExcedenAsync(db, membresia, reloj.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return MembresiasDeEmpresa.ADto(membresia);
    }
}

public sealed record CambiarEstadoUsuario(string UsuarioId, bool Activo) : IRequest<UsuarioDto>
{
    public static void Map(RutasPlataforma rutas)
    {
        rutas.Usuarios.MapPost("/{id}/desactivar", async Task<Ok<UsuarioDto>> (string id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarEstadoUsuario(id, false), ct)))
            .WithName("DesactivarUsuario").ProducesProblem(404).ProducesProblem(422);
        rutas.Usuarios.MapPost("/{id}/reactivar", async Task<Ok<UsuarioDto>> (string id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarEstadoUsuario(id, true), ct)))
            .WithName("ReactivarUsuario").ProducesProblem(404);
    }
}

public sealed class CambiarEstadoUsuarioHandler(PlataformaDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CambiarEstadoUsuario, UsuarioDto>
{
    public async ValueTask<UsuarioDto> Handle(CambiarEstadoUsuario request, CancellationToken cancellationToken)
    {
        var membresia = await MembresiasDeEmpresa.BuscarAsync(db, contexto, request.UsuarioId, cancellationToken);
        if (membresia.UsuarioId == contexto.UsuarioId && !request.Activo)
            throw new ReglaNegocioException("usuarioId", "propia_cuenta", "No puede desactivar su propia cuenta.");

        membresia.Activa = request.Activo;
        await ApiKeysDelCreador.RevocarLasQueExcedenAsync(db, membresia, reloj.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!request.Activo)
        {
            var ahora = reloj.GetUtcNow();
            await db.Sesiones.Where(s => s.UsuarioId == membresia.UsuarioId && s.EmpresaId == membresia.EmpresaId && s.Revocada == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Revocada, ahora), cancellationToken);
        }

        return MembresiasDeEmpresa.ADto(membresia);
    }
}

internal static class MembresiasDeEmpresa
{
    public static async Task<Membresia> BuscarAsync(PlataformaDbContext db, IContextoSolicitud contexto, string usuarioId, CancellationToken ct) =>
        await db.Membresias.Include(m => m.Usuario)
            .SingleOrDefaultAsync(m => m.EmpresaId == contexto.EmpresaId && m.UsuarioId == usuarioId, ct)
        ?? throw new NoEncontradoException("Usuario", usuarioId);

    public static UsuarioDto ADto(Membresia m) =>
        new(m.UsuarioId, m.Usuario!.Email!, m.Usuario.Nombre, m.Rol, m.Activa, m.Usuario.PasswordHash is null);
}
