using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Politica;

/// <summary>A step as the API shows and takes it; its position in the list is its order.</summary>
public sealed record PasoPoliticaDto(
    string Nombre, string Etapa, int Dias, int DiasMinimosDesdeAnterior, decimal? MontoMinimoVencido, IReadOnlyList<string>? Segmentos, bool SoloCuentaClave,
    string Accion, string? TipoTarea = null, string? Plantilla = null);

public sealed record PoliticaCobranzaDto(IReadOnlyList<PasoPoliticaDto> Pasos);

public sealed record ObtenerPoliticaCobranza : IRequest<PoliticaCobranzaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/politica-cobranza", async Task<Ok<PoliticaCobranzaDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerPoliticaCobranza(), ct)))
        .WithName("ObtenerPoliticaCobranza");
}

public sealed record GuardarPoliticaCobranza(PoliticaCobranzaDto Cuerpo) : IRequest<PoliticaCobranzaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/politica-cobranza", async Task<Ok<PoliticaCobranzaDto>> (PoliticaCobranzaDto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarPoliticaCobranza(body), ct)))
        .WithName("GuardarPoliticaCobranza").ProducesValidationProblem();
}

public sealed class GuardarPoliticaCobranzaValidator : AbstractValidator<GuardarPoliticaCobranza>
{
    public const int DiasMinimos = -60;
    public const int DiasMaximos = 1000;

    public GuardarPoliticaCobranzaValidator(IEnumerable<IAccionPaso> acciones)
    {
        var claves = acciones.Select(a => a.Clave).Order().ToArray();
        RuleFor(x => x.Cuerpo).NotNull().WithName("cuerpo");
        RuleFor(x => x.Cuerpo.Pasos).NotNull().WithName("pasos").Must(p => p is null || p.Count <= LargosPolitica.MaxPasos)
            .WithName("pasos").WithMessage($"pasos admite a lo más {LargosPolitica.MaxPasos} pasos.").When(x => x.Cuerpo is not null);
        // A null step is refused here: child rules never run on a null element.
        RuleForEach(x => x.Cuerpo.Pasos).NotNull().WithName("pasos").WithMessage("pasos no admite pasos vacíos (null).").When(x => x.Cuerpo?.Pasos is not null);
        RuleForEach(x => x.Cuerpo.Pasos).ChildRules(p =>
        {
            p.RuleFor(x => x).NotNull().WithName("paso");
            p.RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosPolitica.NombrePaso).WithName("nombre").When(x => x is not null);
            p.RuleFor(x => x.Etapa).Must(e => EtapasCobranza.Todas.Contains(e)).WithName("etapa")
                .WithMessage($"etapa debe ser una de: {string.Join(", ", EtapasCobranza.Todas)}.").When(x => x is not null);
            p.RuleFor(x => x.Dias).InclusiveBetween(DiasMinimos, DiasMaximos).WithName("dias").When(x => x is not null);
            p.RuleFor(x => x.DiasMinimosDesdeAnterior).InclusiveBetween(0, 365).WithName("diasMinimosDesdeAnterior").When(x => x is not null);
            p.RuleFor(x => x.MontoMinimoVencido).InclusiveBetween(0m, 1_000_000_000_000m).WithName("montoMinimoVencido").When(x => x is not null);
            p.RuleFor(x => x.Segmentos).Must(s => s is null || s.Count <= 50).WithName("segmentos").WithMessage("segmentos admite a lo más 50 valores.").When(x => x is not null);
            p.RuleForEach(x => x.Segmentos).NotEmpty().MaximumLength(LargosPolitica.Segmento).WithName("segmentos").When(x => x is not null);
            p.RuleFor(x => x.Accion).Must(a => claves.Contains(a)).WithName("accion")
                .WithMessage($"accion debe ser una de: {string.Join(", ", claves)}.").When(x => x is not null);
            p.RuleFor(x => x.TipoTarea).Must(t => t is null || TiposTareaPaso.Todos.Contains(t)).WithName("tipoTarea")
                .WithMessage($"tipoTarea debe ser una de: {string.Join(", ", TiposTareaPaso.Todos)}.").When(x => x is not null);
            p.RuleFor(x => x.Plantilla).MaximumLength(LargosPolitica.Plantilla).Must(t => t is null || PlantillaCarta.Errores(t) is null)
                .WithName("plantilla").WithMessage((_, t) => $"plantilla no es una plantilla válida: {PlantillaCarta.Errores(t!)}").When(x => x is not null);
            p.RuleFor(x => x.Etapa).Must(e => e is EtapasCobranza.Prejudicial or EtapasCobranza.Judicial).WithName("etapa")
                .WithMessage("etapa de una derivación debe ser prejudicial o judicial.").When(x => x is not null && x.Accion == AccionesPaso.Derivacion);
        }).When(x => x.Cuerpo?.Pasos is not null);
        RuleFor(x => x.Cuerpo.Pasos).Custom((pasos, ctx) =>
        {
            var nombres = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < pasos.Count; i++)
            {
                if (pasos[i] is not { } paso)
                    continue;
                if (paso.Nombre is { Length: > 0 } nombre && !nombres.Add(nombre.Trim()))
                    ctx.AddFailure($"pasos[{i}].nombre", $"pasos[{i}].nombre «{nombre}» está repetido: cada paso debe tener un nombre distinto.");
                if (i > 0 && pasos[i - 1] is { } anterior && paso.Dias <= anterior.Dias)
                    ctx.AddFailure($"pasos[{i}].dias", $"pasos[{i}].dias debe ser mayor que el del paso anterior ({anterior.Dias}): los pasos van en orden.");
            }
        }).When(x => x.Cuerpo?.Pasos is not null);
    }
}

public sealed class PoliticaCobranzaHandler(GestionDbContext db, IContextoSolicitud contexto)
    : IRequestHandler<ObtenerPoliticaCobranza, PoliticaCobranzaDto>, IRequestHandler<GuardarPoliticaCobranza, PoliticaCobranzaDto>
{
    public async ValueTask<PoliticaCobranzaDto> Handle(ObtenerPoliticaCobranza request, CancellationToken cancellationToken) =>
        Dto(await db.Set<PasoPolitica>().AsNoTracking().OrderBy(p => p.Orden).ToListAsync(cancellationToken));

    /// <summary>
    /// Steps keep their id when a step of the same name stays (so the history and the once-per-cycle key still point at it);
    /// the others are replaced.
    /// </summary>
    public async ValueTask<PoliticaCobranzaDto> Handle(GuardarPoliticaCobranza request, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var actuales = await db.Set<PasoPolitica>().ToListAsync(cancellationToken);
        var porNombre = actuales.ToDictionary(p => p.Nombre.Trim(), StringComparer.OrdinalIgnoreCase);
        // Orders are unique: move the kept ones out of the way before renumbering.
        foreach (var p in actuales)
            p.Orden = -1000 - p.Orden;
        await db.SaveChangesAsync(cancellationToken);

        var nuevos = new List<PasoPolitica>();
        for (var i = 0; i < request.Cuerpo.Pasos.Count; i++)
        {
            var d = request.Cuerpo.Pasos[i];
            var paso = porNombre.Remove(d.Nombre.Trim(), out var existente) ? existente : new PasoPolitica { EmpresaId = contexto.EmpresaId, Nombre = d.Nombre.Trim(), Etapa = d.Etapa, Accion = d.Accion };
            Copiar(d, paso, i);
            if (existente is null)
                db.Add(paso);
            nuevos.Add(paso);
        }

        db.RemoveRange(porNombre.Values);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Dto(nuevos);
    }

    private static void Copiar(PasoPoliticaDto d, PasoPolitica p, int orden)
    {
        p.Orden = orden;
        p.Nombre = d.Nombre.Trim();
        p.Etapa = d.Etapa;
        p.Dias = d.Dias;
        p.DiasMinimosDesdeAnterior = d.DiasMinimosDesdeAnterior;
        p.MontoMinimoVencido = d.MontoMinimoVencido;
        p.Segmentos = (d.Segmentos ?? []).Select(s => s.Trim()).Distinct().ToList();
        p.SoloCuentaClave = d.SoloCuentaClave;
        p.Accion = d.Accion;
        p.TipoTarea = d.Accion == AccionesPaso.Tarea ? d.TipoTarea ?? TiposTareaPaso.Llamada : null;
        p.Plantilla = d.Accion == AccionesPaso.Carta && !string.IsNullOrWhiteSpace(d.Plantilla) ? d.Plantilla : null;
    }

    internal static PoliticaCobranzaDto Dto(IEnumerable<PasoPolitica> pasos) => new(pasos.OrderBy(p => p.Orden)
        .Select(p => new PasoPoliticaDto(p.Nombre, p.Etapa, p.Dias, p.DiasMinimosDesdeAnterior, p.MontoMinimoVencido, p.Segmentos, p.SoloCuentaClave, p.Accion, p.TipoTarea, p.Plantilla))
        .ToList());
}

/// <summary>The seed 003 "Proceso de cobranza" defaults: what a new company starts with.</summary>
public static class PoliticaPorOmision
{
    public static IReadOnlyList<PasoPoliticaDto> Pasos { get; } =
    [
        new("Preventiva", EtapasCobranza.Preventiva, -5, 0, null, [], false, AccionesPaso.Tarea, TiposTareaPaso.Llamada),
        new("Primer aviso", EtapasCobranza.Administrativa, 0, 0, null, [], false, AccionesPaso.Tarea, TiposTareaPaso.Llamada),
        new("Segundo aviso", EtapasCobranza.Administrativa, 15, 7, null, [], false, AccionesPaso.Tarea, TiposTareaPaso.Llamada),
        new("Tercer aviso", EtapasCobranza.Administrativa, 30, 7, null, [], false, AccionesPaso.Tarea, TiposTareaPaso.Llamada),
        new("Carta de cobranza", EtapasCobranza.Administrativa, 45, 7, null, [], false, AccionesPaso.Carta),
        new("Suspensión de crédito", EtapasCobranza.Administrativa, 60, 7, null, [], false, AccionesPaso.Suspension),
        new("Prejudicial", EtapasCobranza.Prejudicial, 90, 15, null, [], false, AccionesPaso.Derivacion),
        new("Judicial", EtapasCobranza.Judicial, 120, 15, null, [], false, AccionesPaso.Derivacion),
    ];
}

public sealed class SembrarPoliticaCobranza(GestionDbContext db) : INotificationHandler<EmpresaRegistrada>
{
    public async ValueTask Handle(EmpresaRegistrada notification, CancellationToken cancellationToken)
    {
        for (var i = 0; i < PoliticaPorOmision.Pasos.Count; i++)
        {
            var d = PoliticaPorOmision.Pasos[i];
            db.Add(new PasoPolitica
            {
                EmpresaId = notification.EmpresaId, Orden = i, Nombre = d.Nombre, Etapa = d.Etapa, Dias = d.Dias, DiasMinimosDesdeAnterior = d.DiasMinimosDesdeAnterior,
                Accion = d.Accion, TipoTarea = d.TipoTarea,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
