using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Aprobaciones;

/// <summary>The pending approvals the calling user may decide (their role reaches the level) and has not decided yet, oldest first.</summary>
public sealed record ListarAprobacionesPendientes : IRequest<IReadOnlyList<EstadoAprobacionDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/aprobaciones/pendientes", async Task<Ok<IReadOnlyList<EstadoAprobacionDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarAprobacionesPendientes(), ct)))
        .WithName("ListarAprobacionesPendientes").WithTags("Aprobaciones");
}

public sealed class ListarAprobacionesPendientesHandler(ClientesDbContext db, IContextoSolicitud contexto)
    : IRequestHandler<ListarAprobacionesPendientes, IReadOnlyList<EstadoAprobacionDto>>
{
    public async ValueTask<IReadOnlyList<EstadoAprobacionDto>> Handle(ListarAprobacionesPendientes request, CancellationToken cancellationToken)
    {
        var roles = ReglasAprobacion.RolesQuePuedenDecidir(contexto.Rol);
        if (roles.Count == 0 || contexto.UsuarioId is not { } usuario)
            return [];
        var pendientes = await db.Set<Aprobacion>().AsNoTracking().Include(a => a.Decisiones)
            .Where(a => a.Estado == EstadosAprobacion.Pendiente && roles.Contains(a.RolMinimo) && !a.Decisiones.Any(d => d.UsuarioId == usuario))
            .OrderBy(a => a.Creada).Take(500).ToListAsync(cancellationToken);
        return pendientes.Select(ReglasAprobacion.ADto).ToList();
    }
}

public sealed record ObtenerAprobacionPorId(Guid Id) : IRequest<EstadoAprobacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/aprobaciones/{id:guid}", async Task<Ok<EstadoAprobacionDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerAprobacionPorId(id), ct)))
        .WithName("ObtenerAprobacion").WithTags("Aprobaciones").ProducesProblem(404);
}

public sealed class ObtenerAprobacionPorIdHandler(ClientesDbContext db) : IRequestHandler<ObtenerAprobacionPorId, EstadoAprobacionDto>
{
    public async ValueTask<EstadoAprobacionDto> Handle(ObtenerAprobacionPorId request, CancellationToken cancellationToken) =>
        ReglasAprobacion.ADto(await db.Set<Aprobacion>().AsNoTracking().Include(a => a.Decisiones).SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Aprobación", request.Id));
}

/// <param name="Comentario">Required to reject.</param>
public sealed record DatosDecision(bool Aprueba, string? Comentario);

/// <summary>
/// The calling user approves or rejects; the subject's module acts when this settles it (a credit line is granted, a
/// convenio may be signed) and may refuse it (422) — then nothing is recorded.
/// </summary>
public sealed record RegistrarDecisionAprobacion(Guid Id, DatosDecision Cuerpo) : IRequest<EstadoAprobacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/aprobaciones/{id:guid}/decision", async Task<Ok<EstadoAprobacionDto>> (Guid id, DatosDecision body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RegistrarDecisionAprobacion(id, body), ct)))
        .WithName("RegistrarDecisionAprobacion").WithTags("Aprobaciones").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ReglasDecision : AbstractValidator<DatosDecision>
{
    public ReglasDecision()
    {
        RuleFor(x => x.Comentario).MaximumLength(LargosAprobacion.Comentario);
        RuleFor(x => x.Comentario).NotEmpty().When(x => !x.Aprueba).WithMessage("Comentario es obligatorio para rechazar.");
    }
}

public sealed class RegistrarDecisionAprobacionValidator : AbstractValidator<RegistrarDecisionAprobacion>
{
    public RegistrarDecisionAprobacionValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasDecision());
}

public sealed class DecidirAprobacionValidator : AbstractValidator<DecidirAprobacion>
{
    public DecidirAprobacionValidator()
    {
        RuleFor(x => x.Comentario).MaximumLength(LargosAprobacion.Comentario);
        RuleFor(x => x.Comentario).NotEmpty().When(x => !x.Aprueba).WithMessage("Comentario es obligatorio para rechazar.");
    }
}

public sealed class RegistrarDecisionAprobacionHandler(ClientesDbContext db, IContextoSolicitud contexto, TimeProvider reloj, IPublisher publicador)
    : IRequestHandler<RegistrarDecisionAprobacion, EstadoAprobacionDto>
{
    public async ValueTask<EstadoAprobacionDto> Handle(RegistrarDecisionAprobacion request, CancellationToken cancellationToken)
    {
        var (tx, a) = await ReglasAprobacion.BloquearAsync(db, request.Id, cancellationToken);
        await using (tx)
        {
            if (a is null)
                throw new NoEncontradoException("Aprobación", request.Id);
            await ReglasAprobacion.DecidirAsync(db, contexto, reloj, publicador, a, request.Cuerpo.Aprueba, request.Cuerpo.Comentario, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return ReglasAprobacion.ADto(a);
    }
}
