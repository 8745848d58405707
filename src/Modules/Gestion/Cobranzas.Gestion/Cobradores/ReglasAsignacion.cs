using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed record ReglaAsignacionDto(string Tipo, string? Segmento, Guid CobradorId, string CobradorNombre, bool CobradorActivo);

/// <summary>The fixed order of the levels (<see cref="OrigenesAsignacion.EnOrden"/>) and the company's segment / key account rules in their order.</summary>
public sealed record ReglasAsignacionDto(IReadOnlyList<string> Orden, IReadOnlyList<ReglaAsignacionDto> Reglas);

public sealed record DatosRegla(string Tipo, string? Segmento, Guid CobradorId);

public sealed record DatosReglasAsignacion(IReadOnlyList<DatosRegla> Reglas);

public sealed class DatosReglasAsignacionValidator : AbstractValidator<DatosReglasAsignacion>
{
    public const int Maximo = 200;

    public DatosReglasAsignacionValidator()
    {
        RuleFor(x => x.Reglas).NotNull().Must(r => r is null || r.Count <= Maximo).WithMessage($"Reglas admite a lo más {Maximo} reglas.");
        RuleForEach(x => x.Reglas).NotNull().ChildRules(r =>
        {
            r.RuleFor(x => x.Tipo).NotEmpty().Must(t => TiposRegla.Todos.Contains(t)).WithMessage($"Tipo debe ser uno de: {string.Join(", ", TiposRegla.Todos)}.");
            r.RuleFor(x => x.Segmento).NotEmpty().When(x => x.Tipo == TiposRegla.Segmento).WithMessage("Segmento es obligatorio en una regla de segmento.");
            r.RuleFor(x => x.Segmento).MaximumLength(LargosGestion.Nombre);
            r.RuleFor(x => x.CobradorId).NotEmpty();
        });
    }
}

public sealed record ObtenerReglasAsignacion : IRequest<ReglasAsignacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/reglas-asignacion", async Task<Ok<ReglasAsignacionDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerReglasAsignacion(), ct)))
        .WithName("ObtenerReglasAsignacion");
}

/// <summary>Replaces the company's rules. It does not move clients: "Recalcular" previews and applies (the supervisor sees what changes first).</summary>
public sealed record GuardarReglasAsignacion(DatosReglasAsignacion Cuerpo) : IRequest<ReglasAsignacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/reglas-asignacion", async Task<Ok<ReglasAsignacionDto>> (DatosReglasAsignacion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarReglasAsignacion(body), ct)))
        .WithName("GuardarReglasAsignacion").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class GuardarReglasAsignacionValidator : AbstractValidator<GuardarReglasAsignacion>
{
    public GuardarReglasAsignacionValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosReglasAsignacionValidator());
}

public sealed class ReglasAsignacionHandler(GestionDbContext db)
    : IRequestHandler<ObtenerReglasAsignacion, ReglasAsignacionDto>, IRequestHandler<GuardarReglasAsignacion, ReglasAsignacionDto>
{
    public async ValueTask<ReglasAsignacionDto> Handle(ObtenerReglasAsignacion request, CancellationToken cancellationToken) => await CargarAsync(cancellationToken);

    public async ValueTask<ReglasAsignacionDto> Handle(GuardarReglasAsignacion request, CancellationToken cancellationToken)
    {
        var reglas = request.Cuerpo.Reglas;
        var ids = reglas.Select(r => r.CobradorId).Distinct().ToList();
        var existentes = await db.Cobradores.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < reglas.Count; i++)
        {
            if (!existentes.Contains(reglas[i].CobradorId))
                throw new ReglaNegocioException($"reglas[{i}].cobradorId", "cobrador_inexistente", "El cobrador indicado no existe.");
        }

        var claves = reglas.Select(r => (r.Tipo, MotorAsignacion.Normalizar(r.Tipo == TiposRegla.Segmento ? r.Segmento : null))).ToList();
        if (claves.Distinct().Count() != claves.Count)
            throw new ReglaNegocioException("reglas", "regla_repetida", "Hay dos reglas para el mismo segmento (o dos de cuenta clave): deje una.");

        db.RemoveRange(await db.Set<ReglaAsignacion>().ToListAsync(cancellationToken));
        db.AddRange(reglas.Select((r, i) => new ReglaAsignacion
        {
            Orden = i, Tipo = r.Tipo, Segmento = r.Tipo == TiposRegla.Segmento ? r.Segmento!.Trim() : null, CobradorId = r.CobradorId,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(cancellationToken);
    }

    private async Task<ReglasAsignacionDto> CargarAsync(CancellationToken ct)
    {
        var reglas = await (from r in db.Set<ReglaAsignacion>().AsNoTracking()
                            join c in db.Cobradores on r.CobradorId equals c.Id
                            orderby r.Orden
                            select new ReglaAsignacionDto(r.Tipo, r.Segmento, r.CobradorId, c.Nombre, c.Activo)).ToListAsync(ct);
        return new ReglasAsignacionDto(OrigenesAsignacion.EnOrden, reglas);
    }
}
