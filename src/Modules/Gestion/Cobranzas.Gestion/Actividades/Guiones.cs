using System.Globalization;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Plantillas;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

public sealed record GuionDto(Guid Id, string Nombre, string Etapa, string Plantilla, bool Activo, DateTimeOffset Actualizado);

public sealed record DatosGuion(string Nombre, string Etapa, string Plantilla, bool? Activo);

public sealed class DatosGuionValidator : AbstractValidator<DatosGuion>
{
    public DatosGuionValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosGestion.Nombre);
        RuleFor(x => x.Etapa).NotEmpty().Must(e => EtapasCobranza.Todas.Contains(e)).WithErrorCode("valor_invalido")
            .WithMessage($"La etapa debe ser una de: {string.Join(", ", EtapasCobranza.Todas)}.");
        RuleFor(x => x.Plantilla).NotEmpty().MaximumLength(MotorPlantillas.LargoMaximoFuente).Custom((plantilla, ctx) =>
        {
            if (string.IsNullOrEmpty(plantilla) || plantilla.Length > MotorPlantillas.LargoMaximoFuente)
                return;
            foreach (var error in MotorPlantillas.Validar(plantilla).Take(5))
                ctx.AddFailure(new ValidationFailure(ctx.PropertyPath, $"Línea {error.Linea}, columna {error.Columna}: {error.Mensaje}") { ErrorCode = "plantilla_invalida" });
        });
    }
}

public sealed record ListarGuiones(string? Etapa) : IRequest<IReadOnlyList<GuionDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/guiones", async Task<Ok<IReadOnlyList<GuionDto>>> (string? etapa, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarGuiones(etapa), ct)))
        .WithName("ListarGuiones").ProducesValidationProblem();
}

public sealed record ObtenerGuion(Guid Id) : IRequest<GuionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/guiones/{id:guid}", async Task<Ok<GuionDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerGuion(id), ct)))
        .WithName("ObtenerGuion").ProducesProblem(404);
}

public sealed record CrearGuion(DatosGuion Cuerpo) : IRequest<GuionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/guiones", async Task<Created<GuionDto>> (DatosGuion body, IMediator m, CancellationToken ct) =>
        {
            var g = await m.Send(new CrearGuion(body), ct);
            return TypedResults.Created($"/api/v1/gestion/guiones/{g.Id}", g);
        })
        .WithName("CrearGuion").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearGuionValidator : AbstractValidator<CrearGuion>
{
    public CrearGuionValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGuionValidator());
}

public sealed record ActualizarGuion(Guid Id, DatosGuion Cuerpo) : IRequest<GuionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/guiones/{id:guid}", async Task<Ok<GuionDto>> (Guid id, DatosGuion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarGuion(id, body), ct)))
        .WithName("ActualizarGuion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class ActualizarGuionValidator : AbstractValidator<ActualizarGuion>
{
    public ActualizarGuionValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosGuionValidator());
}

public sealed record EliminarGuion(Guid Id) : IRequest<Unit>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapDelete("/gestion/guiones/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarGuion(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarGuion").ProducesProblem(404);
}

public sealed class GuionesHandler(GestionDbContext db, TimeProvider reloj)
    : IRequestHandler<ListarGuiones, IReadOnlyList<GuionDto>>, IRequestHandler<ObtenerGuion, GuionDto>, IRequestHandler<CrearGuion, GuionDto>,
      IRequestHandler<ActualizarGuion, GuionDto>, IRequestHandler<EliminarGuion, Unit>
{
    public async ValueTask<IReadOnlyList<GuionDto>> Handle(ListarGuiones request, CancellationToken cancellationToken) =>
        (await db.Set<Guion>().AsNoTracking().Where(g => request.Etapa == null || g.Etapa == request.Etapa).OrderBy(g => g.Etapa).ThenBy(g => g.Nombre).ToListAsync(cancellationToken))
        .Select(Dto).ToList();

    public async ValueTask<GuionDto> Handle(ObtenerGuion request, CancellationToken cancellationToken) => Dto(await CargarAsync(request.Id, cancellationToken));

    public async ValueTask<GuionDto> Handle(CrearGuion request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        await NombreLibreAsync(d.Nombre.Trim(), null, cancellationToken);
        var guion = new Guion { Nombre = d.Nombre.Trim(), Etapa = d.Etapa, Plantilla = d.Plantilla, Activo = d.Activo ?? true, Actualizado = reloj.GetUtcNow() };
        db.Add(guion);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(guion);
    }

    public async ValueTask<GuionDto> Handle(ActualizarGuion request, CancellationToken cancellationToken)
    {
        var guion = await CargarAsync(request.Id, cancellationToken);
        var d = request.Cuerpo;
        await NombreLibreAsync(d.Nombre.Trim(), guion.Id, cancellationToken);
        guion.Nombre = d.Nombre.Trim();
        guion.Etapa = d.Etapa;
        guion.Plantilla = d.Plantilla;
        guion.Activo = d.Activo ?? guion.Activo;
        guion.Actualizado = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Dto(guion);
    }

    public async ValueTask<Unit> Handle(EliminarGuion request, CancellationToken cancellationToken)
    {
        db.Remove(await CargarAsync(request.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Guion> CargarAsync(Guid id, CancellationToken ct) =>
        await db.Set<Guion>().SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NoEncontradoException("Guion", id);

    private async Task NombreLibreAsync(string nombre, Guid? id, CancellationToken ct)
    {
        if (await db.Set<Guion>().AnyAsync(g => g.Nombre == nombre && g.Id != id, ct))
            throw new ConflictoException("nombre", $"Ya existe un guion llamado «{nombre}».");
    }

    public static GuionDto Dto(Guion g) => new(g.Id, g.Nombre, g.Etapa, g.Plantilla, g.Activo, g.Actualizado);
}

public sealed record VistaGuion(string Texto, IReadOnlyDictionary<string, object?> Datos);

public sealed record CuerpoVistaGuion(Guid ClienteId);

/// <summary>The script rendered for one client, with exactly the data a script may use.</summary>
public sealed record VerGuion(Guid Id, CuerpoVistaGuion Cuerpo) : IRequest<VistaGuion>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/guiones/{id:guid}/vista", async Task<Ok<VistaGuion>> (Guid id, CuerpoVistaGuion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new VerGuion(id, body), ct)))
        .WithName("VerGuion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class VerGuionValidator : AbstractValidator<VerGuion>
{
    public VerGuionValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.ClienteId).NotEmpty());
}

public sealed class VerGuionHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator) : IRequestHandler<VerGuion, VistaGuion>
{
    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    public async ValueTask<VistaGuion> Handle(VerGuion request, CancellationToken cancellationToken)
    {
        var guion = await db.Set<Guion>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Guion", request.Id);
        var cliente = await alcance.ClienteAsync(request.Cuerpo.ClienteId, cancellationToken);
        var deuda = (await mediator.Send(new ObtenerDeudaClientes([cliente.Id]), cancellationToken)).SingleOrDefault();
        var cobrador = await db.Asignaciones.AsNoTracking().Where(a => a.ClienteId == cliente.Id)
            .Join(db.Cobradores, a => a.CobradorId, c => c.Id, (a, c) => new { c.Nombre, c.Telefono }).SingleOrDefaultAsync(cancellationToken);
        var datos = Modelo(cliente.RazonSocial, cliente.Rut, deuda?.Saldo ?? 0, deuda?.Vencido ?? 0, deuda?.VencimientoMasAntiguo, cobrador?.Nombre, cobrador?.Telefono);
        try
        {
            return new VistaGuion(await MotorPlantillas.RenderizarAsync(guion.Plantilla, datos, cancellationToken), datos);
        }
        catch (PlantillaExcedidaException ex)
        {
            throw new ReglaNegocioException("plantilla", "plantilla_excedida", ex.Message);
        }
    }

    /// <summary>The whole of what a script can read, already formatted for es-CL.</summary>
    public static IReadOnlyDictionary<string, object?> Modelo(string nombre, string rut, decimal total, decimal vencido, DateOnly? masAntiguo, string? cobrador, string? telefono) =>
        new Dictionary<string, object?>
        {
            ["cliente"] = new Dictionary<string, object?> { ["nombre"] = nombre, ["rut"] = FormatoRut(rut) },
            ["deuda"] = new Dictionary<string, object?>
            {
                ["total"] = Monto(total), ["vencida"] = Monto(vencido),
                ["vencimiento_mas_antiguo"] = masAntiguo?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "",
            },
            ["cobrador"] = new Dictionary<string, object?> { ["nombre"] = cobrador ?? "", ["telefono"] = telefono ?? "" },
        };

    private static string Monto(decimal monto) => "$" + Math.Round(monto, 0).ToString("#,0", Chile);

    private static string FormatoRut(string rut) => SharedKernel.Rut.Rut.TryParse(rut, out var r) ? r.Value.Formateado : rut;
}
