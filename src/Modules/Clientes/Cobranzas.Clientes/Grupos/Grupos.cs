using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record GrupoDto(Guid Id, string Nombre, string? Descripcion, int CantidadMiembros);

public sealed record DatosGrupo(string Nombre, string? Descripcion);

public sealed class DatosGrupoValidator : AbstractValidator<DatosGrupo>
{
    public DatosGrupoValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Descripcion).MaximumLength(500);
    }
}

public sealed record DatosMiembros(IReadOnlyList<Guid> Ids);

public sealed class DatosMiembrosValidator : AbstractValidator<DatosMiembros>
{
    public DatosMiembrosValidator() => RuleFor(x => x.Ids).NotEmpty().Must(ids => ids is null || ids.Count <= 5000).WithMessage("Máximo 5000 miembros por solicitud.");
}

/// <summary>A group with its members, as each kind of group shows them.</summary>
public interface IGrupoDetalle;

/// <summary>
/// A kind of group (<see cref="TiposGrupo"/>). Mediator has no generic requests, so each request
/// carries its kind and the work is written once in <see cref="TipoGrupo{TGrupo, TMiembro, TDetalle}"/>.
/// </summary>
public abstract class TipoGrupo
{
    internal abstract Task<IReadOnlyList<GrupoDto>> ListarAsync(ClientesDbContext db, CancellationToken ct);

    internal abstract Task<IGrupoDetalle> ObtenerAsync(ClientesDbContext db, Guid id, CancellationToken ct);

    internal abstract Task<GrupoDto> GuardarAsync(ClientesDbContext db, Guid? id, DatosGrupo datos, CancellationToken ct);

    internal abstract Task EliminarAsync(ClientesDbContext db, Guid id, CancellationToken ct);

    internal abstract Task AgregarMiembrosAsync(ClientesDbContext db, Guid id, IReadOnlyList<Guid> ids, CancellationToken ct);

    internal abstract Task QuitarMiembroAsync(ClientesDbContext db, Guid id, Guid miembroId, CancellationToken ct);
}

public static class TiposGrupo
{
    public static readonly GruposClientes Clientes = new();
    public static readonly GruposContactos Contactos = new();
}

/// <summary>
/// Routes, rules and queries shared by every kind of group. A kind gives its
/// <paramref name="nombre"/> ("Clientes": /grupos-clientes, ListarGruposClientes...), the membership
/// column, how to make a group and a membership row, the ids a member may have, and the detail.
/// </summary>
public abstract class TipoGrupo<TGrupo, TMiembro, TDetalle>(
    string nombre, string columnaMiembro, Func<TGrupo> nuevo, Func<Guid, Guid, TMiembro> miembro, Func<ClientesDbContext, IQueryable<Guid>> existentes) : TipoGrupo
    where TGrupo : class, IGrupo
    where TMiembro : class, IMiembroGrupo
    where TDetalle : IGrupoDetalle
{
    /// <summary>The group with its members, in the order the kind shows them.</summary>
    protected abstract Task<TDetalle> DetalleAsync(ClientesDbContext db, TGrupo grupo, IQueryable<Guid> miembros, CancellationToken ct);

    public void Map(RutasModulo rutas)
    {
        var ruta = "/grupos-" + nombre.ToLowerInvariant();
        var grupo = ruta + "/{id:guid}";
        rutas.Leer.MapGet(ruta, async Task<Ok<IReadOnlyList<GrupoDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarGrupos(this), ct)))
            .WithName("ListarGrupos" + nombre).WithTags("Grupos");
        rutas.Leer.MapGet(grupo, async Task<Ok<TDetalle>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok((TDetalle)await m.Send(new ObtenerGrupo(this, id), ct)))
            .WithName("ObtenerGrupo" + nombre).WithTags("Grupos").ProducesProblem(404);
        rutas.Escribir.MapPost(ruta, async Task<Created<GrupoDto>> (DatosGrupo body, IMediator m, CancellationToken ct) =>
            {
                var g = await m.Send(new CrearGrupo(this, body), ct);
                return TypedResults.Created($"/api/v1{ruta}/{g.Id}", g);
            })
            .WithName("CrearGrupo" + nombre).WithTags("Grupos").ProducesValidationProblem().ProducesProblem(409);
        rutas.Escribir.MapPut(grupo, async Task<Ok<GrupoDto>> (Guid id, DatosGrupo body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ActualizarGrupo(this, id, body), ct)))
            .WithName("ActualizarGrupo" + nombre).WithTags("Grupos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        rutas.Escribir.MapDelete(grupo, async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) => { await m.Send(new EliminarGrupo(this, id), ct); return TypedResults.NoContent(); })
            .WithName("EliminarGrupo" + nombre).WithTags("Grupos").ProducesProblem(404);
        rutas.Escribir.MapPost(grupo + "/miembros", async Task<Ok<TDetalle>> (Guid id, DatosMiembros body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok((TDetalle)await m.Send(new AgregarMiembrosGrupo(this, id, body), ct)))
            .WithName("AgregarMiembrosGrupo" + nombre).WithTags("Grupos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        rutas.Escribir.MapDelete(grupo + "/miembros/{miembroId:guid}", async Task<NoContent> (Guid id, Guid miembroId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new QuitarMiembroGrupo(this, id, miembroId), ct);
                return TypedResults.NoContent();
            })
            .WithName("QuitarMiembroGrupo" + nombre).WithTags("Grupos").ProducesProblem(404);
    }

    internal override async Task<IReadOnlyList<GrupoDto>> ListarAsync(ClientesDbContext db, CancellationToken ct) =>
        await db.Set<TGrupo>().AsNoTracking().OrderBy(g => g.Nombre)
            .Select(g => new GrupoDto(g.Id, g.Nombre, g.Descripcion, db.Set<TMiembro>().Count(m => m.GrupoId == g.Id))).ToListAsync(ct);

    internal override async Task<IGrupoDetalle> ObtenerAsync(ClientesDbContext db, Guid id, CancellationToken ct) =>
        await DetalleAsync(db, await BuscarAsync(db, id, ct), ct);

    private async Task<TDetalle> DetalleAsync(ClientesDbContext db, TGrupo grupo, CancellationToken ct) =>
        await DetalleAsync(db, grupo, db.Set<TMiembro>().Where(m => m.GrupoId == grupo.Id).Select(m => EF.Property<Guid>(m, columnaMiembro)), ct);

    internal override async Task<GrupoDto> GuardarAsync(ClientesDbContext db, Guid? id, DatosGrupo datos, CancellationToken ct)
    {
        var grupo = id is { } existente ? await BuscarAsync(db, existente, ct) : nuevo();
        var nombreGrupo = datos.Nombre.Trim();
        if (await db.Set<TGrupo>().AnyAsync(g => g.Nombre == nombreGrupo && g.Id != grupo.Id, ct))
            throw new ConflictoException("nombre", $"Ya existe un grupo llamado {nombreGrupo}.");
        grupo.Nombre = nombreGrupo;
        grupo.Descripcion = string.IsNullOrWhiteSpace(datos.Descripcion) ? null : datos.Descripcion.Trim();
        if (id is null)
            db.Add(grupo);
        await db.SaveChangesAsync(ct);
        var miembros = id is null ? 0 : await db.Set<TMiembro>().CountAsync(m => m.GrupoId == grupo.Id, ct);
        return new GrupoDto(grupo.Id, grupo.Nombre, grupo.Descripcion, miembros);
    }

    internal override async Task EliminarAsync(ClientesDbContext db, Guid id, CancellationToken ct)
    {
        db.Remove(await BuscarAsync(db, id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ids that are not visible to the caller's company are an error, never silently added.</summary>
    internal override async Task AgregarMiembrosAsync(ClientesDbContext db, Guid id, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var grupo = await BuscarAsync(db, id, ct);
        var pedidos = ids.Distinct().ToList();
        var faltantes = pedidos.Except(await existentes(db).Where(e => pedidos.Contains(e)).ToListAsync(ct)).ToList();
        if (faltantes.Count > 0)
            throw new ReglaNegocioException("ids", "miembro_inexistente", $"{nombre} inexistentes: {string.Join(", ", faltantes.Take(10))}.");
        var yaMiembros = await db.Set<TMiembro>().Where(m => m.GrupoId == grupo.Id && pedidos.Contains(EF.Property<Guid>(m, columnaMiembro)))
            .Select(m => EF.Property<Guid>(m, columnaMiembro)).ToListAsync(ct);
        db.AddRange(pedidos.Except(yaMiembros).Select(m => miembro(grupo.Id, m)));
        await db.SaveChangesAsync(ct);
    }

    internal override async Task QuitarMiembroAsync(ClientesDbContext db, Guid id, Guid miembroId, CancellationToken ct)
    {
        var grupo = await BuscarAsync(db, id, ct);
        var miembro = await db.Set<TMiembro>().SingleOrDefaultAsync(m => m.GrupoId == grupo.Id && EF.Property<Guid>(m, columnaMiembro) == miembroId, ct)
            ?? throw new NoEncontradoException("Miembro", miembroId);
        db.Remove(miembro);
        await db.SaveChangesAsync(ct);
    }

    private async Task<TGrupo> BuscarAsync(ClientesDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<TGrupo>().SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NoEncontradoException("Grupo", id);
}

public sealed record ListarGrupos(TipoGrupo Tipo) : IRequest<IReadOnlyList<GrupoDto>>;

public sealed record ObtenerGrupo(TipoGrupo Tipo, Guid Id) : IRequest<IGrupoDetalle>;

public sealed record CrearGrupo(TipoGrupo Tipo, DatosGrupo Cuerpo) : IRequest<GrupoDto>;

public sealed record ActualizarGrupo(TipoGrupo Tipo, Guid Id, DatosGrupo Cuerpo) : IRequest<GrupoDto>;

public sealed record EliminarGrupo(TipoGrupo Tipo, Guid Id) : IRequest;

public sealed record AgregarMiembrosGrupo(TipoGrupo Tipo, Guid Id, DatosMiembros Cuerpo) : IRequest<IGrupoDetalle>;

public sealed record QuitarMiembroGrupo(TipoGrupo Tipo, Guid Id, Guid MiembroId) : IRequest;

public sealed class CrearGrupoValidator : AbstractValidator<CrearGrupo>
{
    public CrearGrupoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGrupoValidator());
}

public sealed class ActualizarGrupoValidator : AbstractValidator<ActualizarGrupo>
{
    public ActualizarGrupoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGrupoValidator());
}

public sealed class AgregarMiembrosGrupoValidator : AbstractValidator<AgregarMiembrosGrupo>
{
    public AgregarMiembrosGrupoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosMiembrosValidator());
}

public sealed class GruposHandler(ClientesDbContext db)
    : IRequestHandler<ListarGrupos, IReadOnlyList<GrupoDto>>, IRequestHandler<ObtenerGrupo, IGrupoDetalle>, IRequestHandler<CrearGrupo, GrupoDto>,
        IRequestHandler<ActualizarGrupo, GrupoDto>, IRequestHandler<EliminarGrupo>, IRequestHandler<AgregarMiembrosGrupo, IGrupoDetalle>, IRequestHandler<QuitarMiembroGrupo>
{
    public async ValueTask<IReadOnlyList<GrupoDto>> Handle(ListarGrupos request, CancellationToken cancellationToken) => await request.Tipo.ListarAsync(db, cancellationToken);

    public async ValueTask<IGrupoDetalle> Handle(ObtenerGrupo request, CancellationToken cancellationToken) => await request.Tipo.ObtenerAsync(db, request.Id, cancellationToken);

    public async ValueTask<GrupoDto> Handle(CrearGrupo request, CancellationToken cancellationToken) => await request.Tipo.GuardarAsync(db, null, request.Cuerpo, cancellationToken);

    public async ValueTask<GrupoDto> Handle(ActualizarGrupo request, CancellationToken cancellationToken) =>
        await request.Tipo.GuardarAsync(db, request.Id, request.Cuerpo, cancellationToken);

    public async ValueTask<Unit> Handle(EliminarGrupo request, CancellationToken cancellationToken)
    {
        await request.Tipo.EliminarAsync(db, request.Id, cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<IGrupoDetalle> Handle(AgregarMiembrosGrupo request, CancellationToken cancellationToken)
    {
        await request.Tipo.AgregarMiembrosAsync(db, request.Id, request.Cuerpo.Ids, cancellationToken);
        return await request.Tipo.ObtenerAsync(db, request.Id, cancellationToken);
    }

    public async ValueTask<Unit> Handle(QuitarMiembroGrupo request, CancellationToken cancellationToken)
    {
        await request.Tipo.QuitarMiembroAsync(db, request.Id, request.MiembroId, cancellationToken);
        return Unit.Value;
    }
}
