using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Aprobaciones;

/// <param name="HastaUf">The level's inclusive ceiling in UF; null on the last level (any amount above the previous one).</param>
/// <param name="AprobadoresRequeridos">Distinct users, each with at least <paramref name="RolMinimo"/>, who must approve (a committee when more than one).</param>
public sealed record NivelAprobacionDto(string Nombre, decimal? HastaUf, string RolMinimo, int AprobadoresRequeridos);

/// <param name="PorDefecto">The company has not configured this kind: these are the product's levels.</param>
public sealed record ConfiguracionAprobacionDto(string Tipo, bool PorDefecto, IReadOnlyList<NivelAprobacionDto> Niveles);

public sealed record ListarNivelesAprobacion : IRequest<IReadOnlyList<ConfiguracionAprobacionDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/aprobaciones/niveles", async Task<Ok<IReadOnlyList<ConfiguracionAprobacionDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarNivelesAprobacion(), ct)))
        .WithName("ListarNivelesAprobacion").WithTags("Aprobaciones");
}

public sealed class ListarNivelesAprobacionHandler(ClientesDbContext db) : IRequestHandler<ListarNivelesAprobacion, IReadOnlyList<ConfiguracionAprobacionDto>>
{
    public async ValueTask<IReadOnlyList<ConfiguracionAprobacionDto>> Handle(ListarNivelesAprobacion request, CancellationToken cancellationToken)
    {
        var configurados = await db.Set<NivelAprobacion>().AsNoTracking().Select(n => n.Tipo).Distinct().ToListAsync(cancellationToken);
        var r = new List<ConfiguracionAprobacionDto>();
        foreach (var tipo in TiposAprobacion.Todos)
            r.Add(new(tipo, !configurados.Contains(tipo), await ReglasAprobacion.NivelesAsync(db, tipo, cancellationToken)));
        return r;
    }
}

public sealed record DatosNivelesAprobacion(string Tipo, IReadOnlyList<NivelAprobacionDto> Niveles);

/// <summary>Replaces a kind's levels for the company; the approvals already opened keep the level they were opened with.</summary>
public sealed record GuardarNivelesAprobacion(DatosNivelesAprobacion Cuerpo) : IRequest<ConfiguracionAprobacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/aprobaciones/niveles", async Task<Ok<ConfiguracionAprobacionDto>> (DatosNivelesAprobacion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarNivelesAprobacion(body), ct)))
        .WithName("GuardarNivelesAprobacion").WithTags("Aprobaciones").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class GuardarNivelesAprobacionValidator : AbstractValidator<GuardarNivelesAprobacion>
{
    public GuardarNivelesAprobacionValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.Tipo).NotEmpty().Must(t => TiposAprobacion.Todos.Contains(t)).WithMessage("Tipo debe ser credito, convenio o castigo.");
        RuleFor(x => x.Cuerpo.Niveles).NotNull().Must(n => n is { Count: >= 1 and <= 10 }).WithMessage("Indique entre 1 y 10 niveles.");
        RuleForEach(x => x.Cuerpo.Niveles).NotNull().WithErrorCode("requerido").WithMessage("Cada nivel es un objeto; no puede ser null.").ChildRules(n =>
        {
            n.RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosAprobacion.Nombre);
            n.RuleFor(x => x.HastaUf).GreaterThan(0).LessThan(Montos.Maximo);
            n.RuleFor(x => x.RolMinimo).NotEmpty().Must(r => ReglasAprobacion.RolesAprobadores.Contains(r))
                .WithMessage($"Rol mínimo debe ser uno de: {string.Join(", ", ReglasAprobacion.RolesAprobadores)}.");
            n.RuleFor(x => x.AprobadoresRequeridos).InclusiveBetween(1, 10);
        });
        RuleFor(x => x.Cuerpo.Niveles).Must(TopesCrecientes).When(x => x.Cuerpo.Niveles is { Count: >= 1 } n && n.All(v => v is not null))
            .WithErrorCode("topes").WithMessage("Los topes en UF deben crecer de un nivel al siguiente y sólo el último va sin tope (cubre todo monto mayor).");
    }

    private static bool TopesCrecientes(IReadOnlyList<NivelAprobacionDto> niveles)
    {
        if (niveles[^1].HastaUf is not null)
            return false;
        for (var i = 0; i < niveles.Count - 1; i++)
        {
            if (niveles[i].HastaUf is not { } tope || (i > 0 && tope <= niveles[i - 1].HastaUf))
                return false;
        }

        return true;
    }
}

public sealed class GuardarNivelesAprobacionHandler(ClientesDbContext db) : IRequestHandler<GuardarNivelesAprobacion, ConfiguracionAprobacionDto>
{
    public async ValueTask<ConfiguracionAprobacionDto> Handle(GuardarNivelesAprobacion request, CancellationToken cancellationToken)
    {
        var tipo = request.Cuerpo.Tipo;
        var antes = await db.Set<NivelAprobacion>().Where(n => n.Tipo == tipo).ToListAsync(cancellationToken);
        db.RemoveRange(antes);
        // The unique (tipo, orden) index would see the old rows until they are gone: delete first, then insert.
        await db.SaveChangesAsync(cancellationToken);
        var orden = 0;
        foreach (var n in request.Cuerpo.Niveles)
        {
            db.Add(new NivelAprobacion
            {
                Tipo = tipo, Orden = ++orden, Nombre = n.Nombre.Trim(), HastaUf = n.HastaUf, RolMinimo = n.RolMinimo, AprobadoresRequeridos = n.AprobadoresRequeridos,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(tipo, false, await ReglasAprobacion.NivelesAsync(db, tipo, cancellationToken));
    }
}
