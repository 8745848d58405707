using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Judicial;

public sealed record RecuperoQuiebraDto(Guid Id, DateOnly Fecha, decimal Monto, string? Notas);

public sealed record QuiebraDto(
    Guid Id, Guid ClienteId, string Procedimiento, DateOnly FechaPublicacion, string? Liquidador, DateOnly? PlazoVerificacion, decimal? MontoVerificado,
    decimal Recuperado, DateOnly? FechaCierre, string? Notas, IReadOnlyList<RecuperoQuiebraDto> Recuperos);

public static class ProcedimientosConcursales
{
    public const string Liquidacion = "liquidacion";
    public const string Reorganizacion = "reorganizacion";
    public const string Renegociacion = "renegociacion";
    public static readonly string[] Todos = [Liquidacion, Reorganizacion, Renegociacion];
}

public sealed record DatosQuiebra(
    string Procedimiento, DateOnly FechaPublicacion, string? Liquidador, DateOnly? PlazoVerificacion, decimal? MontoVerificado, DateOnly? FechaCierre, string? Notas);

/// <summary>Marks (or updates) a client's insolvency procedure as published in the Boletín Concursal; while it has no closing date collection stops.</summary>
public sealed record RegistrarQuiebra(Guid ClienteId, DatosQuiebra Cuerpo) : IRequest<QuiebraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/judicial/clientes/{clienteId:guid}/quiebra",
            async Task<Ok<QuiebraDto>> (Guid clienteId, DatosQuiebra body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RegistrarQuiebra(clienteId, body), ct)))
        .WithName("RegistrarQuiebra").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarQuiebraValidator : AbstractValidator<RegistrarQuiebra>
{
    public RegistrarQuiebraValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Procedimiento).Must(p => ProcedimientosConcursales.Todos.Contains(p))
            .WithMessage($"El procedimiento debe ser uno de: {string.Join(", ", ProcedimientosConcursales.Todos)}.");
        c.RuleFor(x => x.FechaPublicacion).NotEmpty().Must(f => f.Year is >= 2000 and <= 2100).WithMessage("La fecha de publicación debe estar entre 2000 y 2100.");
        c.RuleFor(x => x.Liquidador).MaximumLength(LargosJudicial.Nombre);
        c.RuleFor(x => x.PlazoVerificacion).Must((x, p) => p is null || p >= x.FechaPublicacion)
            .WithMessage("El plazo de verificación no puede ser anterior a la publicación.");
        c.RuleFor(x => x.MontoVerificado).GreaterThanOrEqualTo(0).LessThanOrEqualTo(Montos.Maximo);
        c.RuleFor(x => x.FechaCierre).Must((x, f) => f is null || f >= x.FechaPublicacion).WithMessage("El cierre no puede ser anterior a la publicación.");
        c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
    });
}

public sealed record ObtenerQuiebra(Guid ClienteId) : IRequest<QuiebraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/clientes/{clienteId:guid}/quiebra", async Task<Ok<QuiebraDto>> (Guid clienteId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerQuiebra(clienteId), ct)))
        .WithName("ObtenerQuiebra").ProducesProblem(404);
}

public sealed record ListarQuiebras : IRequest<IReadOnlyList<QuiebraDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/quiebras", async Task<Ok<IReadOnlyList<QuiebraDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarQuiebras(), ct)))
        .WithName("ListarQuiebras");
}

public sealed record DatosRecuperoQuiebra(DateOnly Fecha, decimal Monto, string? Notas);

public sealed record RegistrarRecuperoQuiebra(Guid ClienteId, DatosRecuperoQuiebra Cuerpo) : IRequest<QuiebraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/judicial/clientes/{clienteId:guid}/quiebra/recuperos",
            async Task<Ok<QuiebraDto>> (Guid clienteId, DatosRecuperoQuiebra body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RegistrarRecuperoQuiebra(clienteId, body), ct)))
        .WithName("RegistrarRecuperoQuiebra").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarRecuperoQuiebraValidator : AbstractValidator<RegistrarRecuperoQuiebra>
{
    public RegistrarRecuperoQuiebraValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Fecha).NotEmpty().Must(f => f.Year is >= 2000 and <= 2100).WithMessage("La fecha debe estar entre 2000 y 2100.");
        c.RuleFor(x => x.Monto).GreaterThan(0).LessThanOrEqualTo(Montos.Maximo);
        c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Motivo);
    });
}

public sealed class QuiebrasHandler(GestionDbContext db, AlcanceGestion alcance, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarQuiebra, QuiebraDto>, IRequestHandler<ObtenerQuiebra, QuiebraDto>, IRequestHandler<ListarQuiebras, IReadOnlyList<QuiebraDto>>,
        IRequestHandler<RegistrarRecuperoQuiebra, QuiebraDto>
{
    public async ValueTask<QuiebraDto> Handle(RegistrarQuiebra request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        var c = request.Cuerpo;
        var hoy = FechaNegocio.Hoy(reloj);
        if (c.FechaPublicacion > hoy)
            throw new ReglaNegocioException("fechaPublicacion", "fecha_futura", "La fecha de publicación no puede ser futura.");
        var q = await db.Set<Quiebra>().Include(x => x.Recuperos).SingleOrDefaultAsync(x => x.ClienteId == request.ClienteId, cancellationToken);
        if (q is null)
        {
            q = new Quiebra { ClienteId = request.ClienteId, Procedimiento = c.Procedimiento, RegistradaPor = contexto.Actor, Creada = reloj.GetUtcNow() };
            db.Add(q);
        }

        q.Procedimiento = c.Procedimiento;
        q.FechaPublicacion = c.FechaPublicacion;
        q.Liquidador = AgenciasHandler.Limpio(c.Liquidador);
        q.PlazoVerificacion = c.PlazoVerificacion;
        q.MontoVerificado = c.MontoVerificado;
        q.FechaCierre = c.FechaCierre;
        q.Notas = AgenciasHandler.Limpio(c.Notas);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(q);
    }

    public async ValueTask<QuiebraDto> Handle(ObtenerQuiebra request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        return Dto(await db.Set<Quiebra>().AsNoTracking().Include(x => x.Recuperos).SingleOrDefaultAsync(x => x.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Quiebra", request.ClienteId));
    }

    public async ValueTask<IReadOnlyList<QuiebraDto>> Handle(ListarQuiebras request, CancellationToken cancellationToken)
    {
        var q = db.Set<Quiebra>().AsNoTracking().Include(x => x.Recuperos).AsQueryable();
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(x => visibles.Contains(x.ClienteId));
        return (await q.OrderByDescending(x => x.FechaPublicacion).Take(500).ToListAsync(cancellationToken)).Select(Dto).ToList();
    }

    public async ValueTask<QuiebraDto> Handle(RegistrarRecuperoQuiebra request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        var q = await db.Set<Quiebra>().Include(x => x.Recuperos).SingleOrDefaultAsync(x => x.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Quiebra", request.ClienteId);
        var c = request.Cuerpo;
        if (c.Fecha < q.FechaPublicacion || c.Fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_invalida", "La fecha del recupero debe estar entre la publicación y hoy.");
        var recupero = new RecuperoQuiebra { QuiebraId = q.Id, Fecha = c.Fecha, Monto = c.Monto, Notas = AgenciasHandler.Limpio(c.Notas) };
        db.Add(recupero);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(q);
    }

    private static QuiebraDto Dto(Quiebra q) =>
        new(q.Id, q.ClienteId, q.Procedimiento, q.FechaPublicacion, q.Liquidador, q.PlazoVerificacion, q.MontoVerificado, q.Recuperos.Sum(r => r.Monto), q.FechaCierre,
            q.Notas, [.. q.Recuperos.OrderBy(r => r.Fecha).Select(r => new RecuperoQuiebraDto(r.Id, r.Fecha, r.Monto, r.Notas))]);
}
