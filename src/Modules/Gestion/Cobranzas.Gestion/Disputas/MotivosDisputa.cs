using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Disputas;

public sealed record MotivoDisputaDto(Guid Id, string Nombre, bool Activo);

public sealed record DatosMotivoDisputa(string Nombre);

public sealed class ReglasMotivoDisputa : AbstractValidator<DatosMotivoDisputa>
{
    public ReglasMotivoDisputa() => RuleFor(x => x.Nombre).NotEmpty().WithMessage("Indique el nombre del motivo.").MaximumLength(LargosGestion.Nombre);
}

public sealed record ListarMotivosDisputa(bool? IncluirInactivos) : IRequest<IReadOnlyList<MotivoDisputaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/motivos-disputa", async Task<Ok<IReadOnlyList<MotivoDisputaDto>>> ([AsParameters] ListarMotivosDisputa q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarMotivosDisputa").ProducesValidationProblem();
}

public sealed record CrearMotivoDisputa(DatosMotivoDisputa Cuerpo) : IRequest<MotivoDisputaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/motivos-disputa", async Task<Created<MotivoDisputaDto>> (DatosMotivoDisputa body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new CrearMotivoDisputa(body), ct);
            return TypedResults.Created($"/api/v1/gestion/motivos-disputa/{r.Id}", r);
        })
        .WithName("CrearMotivoDisputa").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearMotivoDisputaValidator : AbstractValidator<CrearMotivoDisputa>
{
    public CrearMotivoDisputaValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasMotivoDisputa());
}

public sealed record ActualizarMotivoDisputa(Guid Id, DatosMotivoDisputa Cuerpo) : IRequest<MotivoDisputaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/motivos-disputa/{id:guid}", async Task<Ok<MotivoDisputaDto>> (Guid id, DatosMotivoDisputa body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarMotivoDisputa(id, body), ct)))
        .WithName("ActualizarMotivoDisputa").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class ActualizarMotivoDisputaValidator : AbstractValidator<ActualizarMotivoDisputa>
{
    public ActualizarMotivoDisputaValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasMotivoDisputa());
}

public sealed record DesactivarMotivoDisputa(Guid Id) : IRequest<MotivoDisputaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/motivos-disputa/{id:guid}/desactivar", async Task<Ok<MotivoDisputaDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DesactivarMotivoDisputa(id), ct)))
        .WithName("DesactivarMotivoDisputa").ProducesProblem(404);
}

public sealed class MotivosDisputaHandler(GestionDbContext db)
    : IRequestHandler<ListarMotivosDisputa, IReadOnlyList<MotivoDisputaDto>>, IRequestHandler<CrearMotivoDisputa, MotivoDisputaDto>,
        IRequestHandler<ActualizarMotivoDisputa, MotivoDisputaDto>, IRequestHandler<DesactivarMotivoDisputa, MotivoDisputaDto>
{
    public async ValueTask<IReadOnlyList<MotivoDisputaDto>> Handle(ListarMotivosDisputa request, CancellationToken cancellationToken) =>
        await db.Set<MotivoDisputa>().AsNoTracking().Where(m => request.IncluirInactivos == true || m.Activo).OrderBy(m => m.Nombre)
            .Select(m => new MotivoDisputaDto(m.Id, m.Nombre, m.Activo)).ToListAsync(cancellationToken);

    public async ValueTask<MotivoDisputaDto> Handle(CrearMotivoDisputa request, CancellationToken cancellationToken)
    {
        var nombre = request.Cuerpo.Nombre.Trim();
        await UnicoAsync(nombre, null, cancellationToken);
        var motivo = new MotivoDisputa { Nombre = nombre };
        db.Add(motivo);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(motivo);
    }

    public async ValueTask<MotivoDisputaDto> Handle(ActualizarMotivoDisputa request, CancellationToken cancellationToken)
    {
        var motivo = await CargarAsync(request.Id, cancellationToken);
        var nombre = request.Cuerpo.Nombre.Trim();
        await UnicoAsync(nombre, motivo.Id, cancellationToken);
        motivo.Nombre = nombre;
        await db.SaveChangesAsync(cancellationToken);
        return Dto(motivo);
    }

    public async ValueTask<MotivoDisputaDto> Handle(DesactivarMotivoDisputa request, CancellationToken cancellationToken)
    {
        var motivo = await CargarAsync(request.Id, cancellationToken);
        motivo.Activo = false;
        await db.SaveChangesAsync(cancellationToken);
        return Dto(motivo);
    }

    private async Task<MotivoDisputa> CargarAsync(Guid id, CancellationToken ct) =>
        await db.Set<MotivoDisputa>().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NoEncontradoException("Motivo de disputa", id);

    private async Task UnicoAsync(string nombre, Guid? excepto, CancellationToken ct)
    {
        if (await db.Set<MotivoDisputa>().AnyAsync(m => m.Nombre == nombre && m.Id != excepto, ct))
            throw new ConflictoException("nombre", $"Ya existe el motivo '{nombre}'.");
    }

    public static MotivoDisputaDto Dto(MotivoDisputa m) => new(m.Id, m.Nombre, m.Activo);
}

/// <summary>A new company starts with the usual reasons of a dispute, which it may edit.</summary>
public sealed class SembrarMotivosDisputa(GestionDbContext db) : INotificationHandler<EmpresaRegistrada>
{
    public async ValueTask Handle(EmpresaRegistrada notification, CancellationToken cancellationToken)
    {
        foreach (var nombre in MotivoDisputa.PorOmision)
            db.Add(new MotivoDisputa { EmpresaId = notification.EmpresaId, Nombre = nombre });
        await db.SaveChangesAsync(cancellationToken);
    }
}
