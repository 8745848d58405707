using Cobranzas.Clientes.Persistencia;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record MiembroContactoDto(Guid Id, string Nombre, string? Email, Guid ClienteId, string RazonSocialCliente);

public sealed record GrupoContactosDetalleDto(Guid Id, string Nombre, string? Descripcion, IReadOnlyList<MiembroContactoDto> Miembros);

public sealed record ListarGruposContactos : IRequest<IReadOnlyList<GrupoDto>>;

public sealed class ListarGruposContactosHandler(ClientesDbContext db) : IRequestHandler<ListarGruposContactos, IReadOnlyList<GrupoDto>>
{
    public async ValueTask<IReadOnlyList<GrupoDto>> Handle(ListarGruposContactos request, CancellationToken cancellationToken) =>
        await db.GruposContactos.AsNoTracking().OrderBy(g => g.Nombre)
            .Select(g => new GrupoDto(g.Id, g.Nombre, g.Descripcion, g.Miembros.Count)).ToListAsync(cancellationToken);
}

public sealed record ObtenerGrupoContactos(Guid Id) : IRequest<GrupoContactosDetalleDto>;

public sealed class ObtenerGrupoContactosHandler(ClientesDbContext db) : IRequestHandler<ObtenerGrupoContactos, GrupoContactosDetalleDto>
{
    public async ValueTask<GrupoContactosDetalleDto> Handle(ObtenerGrupoContactos request, CancellationToken cancellationToken)
    {
        var g = await OperacionesGrupo.BuscarAsync<GrupoContactos>(db, request.Id, cancellationToken);
        var miembros = await db.MiembrosGruposContactos.AsNoTracking().Where(m => m.GrupoId == g.Id)
            .Join(db.Contactos, m => m.ContactoId, c => c.Id, (m, c) => c)
            .OrderBy(c => c.Nombre).Select(c => new MiembroContactoDto(c.Id, c.Nombre, c.Email, c.ClienteId, c.Cliente!.RazonSocial)).ToListAsync(cancellationToken);
        return new GrupoContactosDetalleDto(g.Id, g.Nombre, g.Descripcion, miembros);
    }
}

public sealed record CrearGrupoContactos(DatosGrupo Cuerpo) : IRequest<GrupoDto>;

public sealed class CrearGrupoContactosValidator : AbstractValidator<CrearGrupoContactos>
{
    public CrearGrupoContactosValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGrupoValidator());
}

public sealed class CrearGrupoContactosHandler(ClientesDbContext db) : IRequestHandler<CrearGrupoContactos, GrupoDto>
{
    public async ValueTask<GrupoDto> Handle(CrearGrupoContactos request, CancellationToken cancellationToken)
    {
        var grupo = new GrupoContactos { Nombre = "" };
        await OperacionesGrupo.GuardarAsync(db, grupo, request.Cuerpo, cancellationToken);
        return new GrupoDto(grupo.Id, grupo.Nombre, grupo.Descripcion, 0);
    }
}

public sealed record ActualizarGrupoContactos(Guid Id, DatosGrupo Cuerpo) : IRequest<GrupoDto>;

public sealed class ActualizarGrupoContactosValidator : AbstractValidator<ActualizarGrupoContactos>
{
    public ActualizarGrupoContactosValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGrupoValidator());
}

public sealed class ActualizarGrupoContactosHandler(ClientesDbContext db) : IRequestHandler<ActualizarGrupoContactos, GrupoDto>
{
    public async ValueTask<GrupoDto> Handle(ActualizarGrupoContactos request, CancellationToken cancellationToken)
    {
        var grupo = await OperacionesGrupo.BuscarAsync<GrupoContactos>(db, request.Id, cancellationToken);
        await OperacionesGrupo.GuardarAsync(db, grupo, request.Cuerpo, cancellationToken);
        return new GrupoDto(grupo.Id, grupo.Nombre, grupo.Descripcion, await db.MiembrosGruposContactos.CountAsync(m => m.GrupoId == grupo.Id, cancellationToken));
    }
}

public sealed record EliminarGrupoContactos(Guid Id) : IRequest;

public sealed class EliminarGrupoContactosHandler(ClientesDbContext db) : IRequestHandler<EliminarGrupoContactos>
{
    public async ValueTask<Unit> Handle(EliminarGrupoContactos request, CancellationToken cancellationToken)
    {
        await OperacionesGrupo.EliminarAsync<GrupoContactos>(db, request.Id, cancellationToken);
        return Unit.Value;
    }
}

public sealed record AgregarMiembrosGrupoContactos(Guid Id, DatosMiembros Cuerpo) : IRequest<GrupoContactosDetalleDto>;

public sealed class AgregarMiembrosGrupoContactosValidator : AbstractValidator<AgregarMiembrosGrupoContactos>
{
    public AgregarMiembrosGrupoContactosValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosMiembrosValidator());
}

public sealed class AgregarMiembrosGrupoContactosHandler(ClientesDbContext db, IMediator mediator) : IRequestHandler<AgregarMiembrosGrupoContactos, GrupoContactosDetalleDto>
{
    public async ValueTask<GrupoContactosDetalleDto> Handle(AgregarMiembrosGrupoContactos request, CancellationToken cancellationToken)
    {
        var grupo = await OperacionesGrupo.BuscarAsync<GrupoContactos>(db, request.Id, cancellationToken);
        var ids = request.Cuerpo.Ids.Distinct().ToList();
        var existentes = await db.Contactos.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        OperacionesGrupo.ExigirTodos(ids, existentes, "Contactos");
        var yaMiembros = await db.MiembrosGruposContactos.Where(m => m.GrupoId == grupo.Id && ids.Contains(m.ContactoId)).Select(m => m.ContactoId).ToListAsync(cancellationToken);
        db.MiembrosGruposContactos.AddRange(ids.Except(yaMiembros).Select(id => new MiembroGrupoContactos { GrupoId = grupo.Id, ContactoId = id }));
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new ObtenerGrupoContactos(grupo.Id), cancellationToken);
    }
}

public sealed record QuitarMiembroGrupoContactos(Guid Id, Guid MiembroId) : IRequest;

public sealed class QuitarMiembroGrupoContactosHandler(ClientesDbContext db) : IRequestHandler<QuitarMiembroGrupoContactos>
{
    public async ValueTask<Unit> Handle(QuitarMiembroGrupoContactos request, CancellationToken cancellationToken)
    {
        var grupo = await OperacionesGrupo.BuscarAsync<GrupoContactos>(db, request.Id, cancellationToken);
        var miembro = await db.MiembrosGruposContactos.SingleOrDefaultAsync(m => m.GrupoId == grupo.Id && m.ContactoId == request.MiembroId, cancellationToken)
            ?? throw new SharedKernel.Http.NoEncontradoException("Miembro", request.MiembroId);
        db.MiembrosGruposContactos.Remove(miembro);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
