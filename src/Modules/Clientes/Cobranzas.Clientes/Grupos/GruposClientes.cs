using Cobranzas.Clientes.Persistencia;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record MiembroClienteDto(Guid Id, string Rut, string RazonSocial);

public sealed record GrupoClientesDetalleDto(Guid Id, string Nombre, string? Descripcion, IReadOnlyList<MiembroClienteDto> Miembros);

public sealed record ListarGruposClientes : IRequest<IReadOnlyList<GrupoDto>>;

public sealed class ListarGruposClientesHandler(ClientesDbContext db) : IRequestHandler<ListarGruposClientes, IReadOnlyList<GrupoDto>>
{
    public async ValueTask<IReadOnlyList<GrupoDto>> Handle(ListarGruposClientes request, CancellationToken cancellationToken) =>
        await db.GruposClientes.AsNoTracking().OrderBy(g => g.Nombre)
            .Select(g => new GrupoDto(g.Id, g.Nombre, g.Descripcion, g.Miembros.Count)).ToListAsync(cancellationToken);
}

public sealed record ObtenerGrupoClientes(Guid Id) : IRequest<GrupoClientesDetalleDto>;

public sealed class ObtenerGrupoClientesHandler(ClientesDbContext db) : IRequestHandler<ObtenerGrupoClientes, GrupoClientesDetalleDto>
{
    public async ValueTask<GrupoClientesDetalleDto> Handle(ObtenerGrupoClientes request, CancellationToken cancellationToken)
    {
        var g = await OperacionesGrupo.BuscarAsync<GrupoClientes>(db, request.Id, cancellationToken);
        var miembros = await db.MiembrosGruposClientes.AsNoTracking().Where(m => m.GrupoId == g.Id)
            .Join(db.Clientes, m => m.ClienteId, c => c.Id, (m, c) => c)
            .OrderBy(c => c.RazonSocial).Select(c => new MiembroClienteDto(c.Id, c.Rut, c.RazonSocial)).ToListAsync(cancellationToken);
        return new GrupoClientesDetalleDto(g.Id, g.Nombre, g.Descripcion, miembros);
    }
}

public sealed record CrearGrupoClientes(DatosGrupo Cuerpo) : IRequest<GrupoDto>;

public sealed class CrearGrupoClientesValidator : AbstractValidator<CrearGrupoClientes>
{
    public CrearGrupoClientesValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGrupoValidator());
}

public sealed class CrearGrupoClientesHandler(ClientesDbContext db) : IRequestHandler<CrearGrupoClientes, GrupoDto>
{
    public async ValueTask<GrupoDto> Handle(CrearGrupoClientes request, CancellationToken cancellationToken)
    {
        var grupo = new GrupoClientes { Nombre = "" };
        await OperacionesGrupo.GuardarAsync(db, grupo, request.Cuerpo, cancellationToken);
        return new GrupoDto(grupo.Id, grupo.Nombre, grupo.Descripcion, 0);
    }
}

public sealed record ActualizarGrupoClientes(Guid Id, DatosGrupo Cuerpo) : IRequest<GrupoDto>;

public sealed class ActualizarGrupoClientesValidator : AbstractValidator<ActualizarGrupoClientes>
{
    public ActualizarGrupoClientesValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGrupoValidator());
}

public sealed class ActualizarGrupoClientesHandler(ClientesDbContext db) : IRequestHandler<ActualizarGrupoClientes, GrupoDto>
{
    public async ValueTask<GrupoDto> Handle(ActualizarGrupoClientes request, CancellationToken cancellationToken)
    {
        var grupo = await OperacionesGrupo.BuscarAsync<GrupoClientes>(db, request.Id, cancellationToken);
        await OperacionesGrupo.GuardarAsync(db, grupo, request.Cuerpo, cancellationToken);
        return new GrupoDto(grupo.Id, grupo.Nombre, grupo.Descripcion, await db.MiembrosGruposClientes.CountAsync(m => m.GrupoId == grupo.Id, cancellationToken));
    }
}

public sealed record EliminarGrupoClientes(Guid Id) : IRequest;

public sealed class EliminarGrupoClientesHandler(ClientesDbContext db) : IRequestHandler<EliminarGrupoClientes>
{
    public async ValueTask<Unit> Handle(EliminarGrupoClientes request, CancellationToken cancellationToken)
    {
        await OperacionesGrupo.EliminarAsync<GrupoClientes>(db, request.Id, cancellationToken);
        return Unit.Value;
    }
}

public sealed record AgregarMiembrosGrupoClientes(Guid Id, DatosMiembros Cuerpo) : IRequest<GrupoClientesDetalleDto>;

public sealed class AgregarMiembrosGrupoClientesValidator : AbstractValidator<AgregarMiembrosGrupoClientes>
{
    public AgregarMiembrosGrupoClientesValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosMiembrosValidator());
}

public sealed class AgregarMiembrosGrupoClientesHandler(ClientesDbContext db, IMediator mediator) : IRequestHandler<AgregarMiembrosGrupoClientes, GrupoClientesDetalleDto>
{
    public async ValueTask<GrupoClientesDetalleDto> Handle(AgregarMiembrosGrupoClientes request, CancellationToken cancellationToken)
    {
        var grupo = await OperacionesGrupo.BuscarAsync<GrupoClientes>(db, request.Id, cancellationToken);
        var ids = request.Cuerpo.Ids.Distinct().ToList();
        var existentes = await db.Clientes.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        OperacionesGrupo.ExigirTodos(ids, existentes, "Clientes");
        var yaMiembros = await db.MiembrosGruposClientes.Where(m => m.GrupoId == grupo.Id && ids.Contains(m.ClienteId)).Select(m => m.ClienteId).ToListAsync(cancellationToken);
        db.MiembrosGruposClientes.AddRange(ids.Except(yaMiembros).Select(id => new MiembroGrupoClientes { GrupoId = grupo.Id, ClienteId = id }));
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new ObtenerGrupoClientes(grupo.Id), cancellationToken);
    }
}

public sealed record QuitarMiembroGrupoClientes(Guid Id, Guid MiembroId) : IRequest;

public sealed class QuitarMiembroGrupoClientesHandler(ClientesDbContext db) : IRequestHandler<QuitarMiembroGrupoClientes>
{
    public async ValueTask<Unit> Handle(QuitarMiembroGrupoClientes request, CancellationToken cancellationToken)
    {
        var grupo = await OperacionesGrupo.BuscarAsync<GrupoClientes>(db, request.Id, cancellationToken);
        var miembro = await db.MiembrosGruposClientes.SingleOrDefaultAsync(m => m.GrupoId == grupo.Id && m.ClienteId == request.MiembroId, cancellationToken)
            ?? throw new SharedKernel.Http.NoEncontradoException("Miembro", request.MiembroId);
        db.MiembrosGruposClientes.Remove(miembro);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
