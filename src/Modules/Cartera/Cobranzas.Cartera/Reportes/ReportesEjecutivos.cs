using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.Reportes;

public static class FrecuenciasReporteEjecutivo
{
    public const string Semanal = "semanal";
    public const string Mensual = "mensual";
    public static readonly string[] Todas = [Semanal, Mensual];
}

/// <summary>
/// A scheduled executive report: the dashboard as a PDF and the status of the key accounts (the clients of one client group), mailed to
/// chosen users of the company every week on <see cref="DiaSemana"/> or every month on <see cref="DiaMes"/>, at <see cref="Hora"/> in Santiago.
/// </summary>
public sealed class ReporteEjecutivo : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Nombre { get; set; }
    public required string Frecuencia { get; set; }

    /// <summary>1 (Monday) to 7 (Sunday), for a weekly report.</summary>
    public int? DiaSemana { get; set; }

    /// <summary>1 to 28, or 31 for the month's last day, for a monthly report.</summary>
    public int? DiaMes { get; set; }

    public TimeOnly Hora { get; set; }
    public Guid? GrupoClienteId { get; set; }
    public List<string> UsuarioIds { get; set; } = [];
    public bool Activo { get; set; } = true;
    public DateTimeOffset Creado { get; init; }
    public DateTimeOffset? UltimoEnvio { get; set; }
}

public sealed class ReporteEjecutivoConfiguracion : IEntityTypeConfiguration<ReporteEjecutivo>
{
    public void Configure(EntityTypeBuilder<ReporteEjecutivo> e)
    {
        e.ToTable("reportes_ejecutivos");
        e.Property(x => x.Nombre).HasMaxLength(ReglasReporteEjecutivo.LargoNombre);
        e.Property(x => x.Frecuencia).HasMaxLength(20);
        e.HasIndex(x => new { x.EmpresaId, x.Nombre }).IsUnique();
    }
}

public sealed record DatosReporteEjecutivo(
    string Nombre, string Frecuencia, int? DiaSemana, int? DiaMes, TimeOnly Hora, Guid? GrupoClienteId, IReadOnlyList<string> UsuarioIds, bool? Activo);

public sealed record ReporteEjecutivoDto(
    Guid Id, string Nombre, string Frecuencia, int? DiaSemana, int? DiaMes, TimeOnly Hora, Guid? GrupoClienteId, IReadOnlyList<string> UsuarioIds, bool Activo,
    string? Programacion, DateTimeOffset Creado, DateTimeOffset? UltimoEnvio);

public sealed class ReglasReporteEjecutivo : AbstractValidator<DatosReporteEjecutivo>
{
    public const int LargoNombre = 200;
    public const int MaximoUsuarios = 50;

    public ReglasReporteEjecutivo()
    {
        RuleFor(x => x.Nombre).NotEmpty().WithMessage("Indique el nombre del reporte.").MaximumLength(LargoNombre);
        RuleFor(x => x.Frecuencia).NotEmpty().WithMessage("Indique la frecuencia.")
            .Must(f => FrecuenciasReporteEjecutivo.Todas.Contains(f)).WithMessage($"La frecuencia debe ser una de: {string.Join(", ", FrecuenciasReporteEjecutivo.Todas)}.");
        RuleFor(x => x.DiaSemana).NotNull().WithMessage("Indique el día de la semana de un reporte semanal.").When(x => x.Frecuencia == FrecuenciasReporteEjecutivo.Semanal);
        RuleFor(x => x.DiaSemana).InclusiveBetween(1, 7).WithMessage("El día de la semana va de 1 (lunes) a 7 (domingo).");
        RuleFor(x => x.DiaMes).NotNull().WithMessage("Indique el día del mes de un reporte mensual.").When(x => x.Frecuencia == FrecuenciasReporteEjecutivo.Mensual);
        RuleFor(x => x.DiaMes).Must(d => d is null or (>= 1 and <= 28) or 31).WithMessage("El día del mes va de 1 a 28, o 31 para el último día.");
        RuleFor(x => x.Hora).Must(h => h.Second == 0 && h.Millisecond == 0 && h.Minute % 5 == 0).WithMessage("La hora va en minutos múltiplos de 5 (por ejemplo 08:30).");
        RuleFor(x => x.GrupoClienteId).NotEqual(Guid.Empty).WithMessage("El grupo de clientes no es un id válido.");
        RuleFor(x => x.UsuarioIds).NotEmpty().WithMessage("Elija al menos un destinatario.")
            .Must(u => u is null || u.Count <= MaximoUsuarios).WithMessage($"Elija a lo más {MaximoUsuarios} destinatarios.")
            .Must(u => u is null || u.All(i => !string.IsNullOrWhiteSpace(i) && i.Length <= 100)).WithMessage("Los destinatarios deben ser ids de usuario válidos.");
    }
}

public sealed record ListarReportesEjecutivos : IRequest<IReadOnlyList<ReporteEjecutivoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/reportes/ejecutivos", async Task<Ok<IReadOnlyList<ReporteEjecutivoDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarReportesEjecutivos(), ct)))
        .WithName("ListarReportesEjecutivos");
}

public sealed record ObtenerReporteEjecutivo(Guid Id) : IRequest<ReporteEjecutivoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/reportes/ejecutivos/{id:guid}", async Task<Ok<ReporteEjecutivoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerReporteEjecutivo(id), ct)))
        .WithName("ObtenerReporteEjecutivo").ProducesProblem(404);
}

public sealed record CrearReporteEjecutivo(DatosReporteEjecutivo Cuerpo) : IRequest<ReporteEjecutivoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/reportes/ejecutivos", async Task<Created<ReporteEjecutivoDto>> (DatosReporteEjecutivo body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new CrearReporteEjecutivo(body), ct);
            return TypedResults.Created($"/api/v1/reportes/ejecutivos/{r.Id}", r);
        })
        .WithName("CrearReporteEjecutivo").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearReporteEjecutivoValidator : AbstractValidator<CrearReporteEjecutivo>
{
    public CrearReporteEjecutivoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasReporteEjecutivo());
}

public sealed record ActualizarReporteEjecutivo(Guid Id, DatosReporteEjecutivo Cuerpo) : IRequest<ReporteEjecutivoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/reportes/ejecutivos/{id:guid}", async Task<Ok<ReporteEjecutivoDto>> (Guid id, DatosReporteEjecutivo body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarReporteEjecutivo(id, body), ct)))
        .WithName("ActualizarReporteEjecutivo").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActualizarReporteEjecutivoValidator : AbstractValidator<ActualizarReporteEjecutivo>
{
    public ActualizarReporteEjecutivoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasReporteEjecutivo());
}

public sealed record EliminarReporteEjecutivo(Guid Id) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapDelete("/reportes/ejecutivos/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarReporteEjecutivo(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarReporteEjecutivo").ProducesProblem(404);
}

/// <summary>Definitions: every change (re)schedules the report's own trigger, after the commit.</summary>
public sealed class ReportesEjecutivosHandler(CarteraDbContext db, IMediator mediator, ProgramadorReportesEjecutivos programador, TimeProvider reloj)
    : IRequestHandler<ListarReportesEjecutivos, IReadOnlyList<ReporteEjecutivoDto>>, IRequestHandler<ObtenerReporteEjecutivo, ReporteEjecutivoDto>,
        IRequestHandler<CrearReporteEjecutivo, ReporteEjecutivoDto>, IRequestHandler<ActualizarReporteEjecutivo, ReporteEjecutivoDto>,
        IRequestHandler<EliminarReporteEjecutivo>
{
    public async ValueTask<IReadOnlyList<ReporteEjecutivoDto>> Handle(ListarReportesEjecutivos request, CancellationToken cancellationToken) =>
        (await db.Set<ReporteEjecutivo>().AsNoTracking().OrderBy(r => r.Nombre).ThenBy(r => r.Id).ToListAsync(cancellationToken)).Select(Dto).ToList();

    public async ValueTask<ReporteEjecutivoDto> Handle(ObtenerReporteEjecutivo request, CancellationToken cancellationToken) =>
        Dto(await CargarAsync(db, request.Id, cancellationToken));

    public async ValueTask<ReporteEjecutivoDto> Handle(CrearReporteEjecutivo request, CancellationToken cancellationToken)
    {
        var r = new ReporteEjecutivo { Nombre = "", Frecuencia = "", Creado = reloj.GetUtcNow() };
        await CopiarAsync(r, request.Cuerpo, cancellationToken);
        db.Add(r);
        await GuardarAsync(cancellationToken);
        await programador.ProgramarAsync(r, cancellationToken);
        return Dto(r);
    }

    public async ValueTask<ReporteEjecutivoDto> Handle(ActualizarReporteEjecutivo request, CancellationToken cancellationToken)
    {
        var r = await CargarAsync(db, request.Id, cancellationToken);
        await CopiarAsync(r, request.Cuerpo, cancellationToken);
        await GuardarAsync(cancellationToken);
        await programador.ProgramarAsync(r, cancellationToken);
        return Dto(r);
    }

    public async ValueTask<Unit> Handle(EliminarReporteEjecutivo request, CancellationToken cancellationToken)
    {
        var r = await CargarAsync(db, request.Id, cancellationToken);
        db.Remove(r);
        await db.SaveChangesAsync(cancellationToken);
        r.Activo = false;
        await programador.ProgramarAsync(r, cancellationToken);
        return Unit.Value;
    }

    public static async Task<ReporteEjecutivo> CargarAsync(CarteraDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<ReporteEjecutivo>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NoEncontradoException("Reporte ejecutivo", id);

    private async Task GuardarAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictoException("nombre", "Ya hay un reporte ejecutivo con ese nombre.");
        }
    }

    /// <summary>The group and every recipient must be the company's own (active users): another company's ids are refused at their field.</summary>
    private async Task CopiarAsync(ReporteEjecutivo r, DatosReporteEjecutivo d, CancellationToken ct)
    {
        if (d.GrupoClienteId is { } grupo && !(await mediator.Send(new GruposExistentes([grupo], []), ct)).Contains(grupo))
            throw new ReglaNegocioException("grupoClienteId", "grupo_inexistente", $"El grupo de clientes '{grupo}' no existe en la empresa.");
        var usuarios = d.UsuarioIds.Distinct().ToList();
        var conocidos = (await mediator.Send(new ObtenerCorreosUsuarios(usuarios), ct)).Select(u => u.UsuarioId).ToHashSet();
        if (usuarios.FirstOrDefault(u => !conocidos.Contains(u)) is { } ajeno)
            throw new ReglaNegocioException("usuarioIds", "usuario_inexistente", $"El usuario '{ajeno}' no es un usuario activo de la empresa.");
        r.Nombre = d.Nombre.Trim();
        r.Frecuencia = d.Frecuencia;
        r.DiaSemana = d.Frecuencia == FrecuenciasReporteEjecutivo.Semanal ? d.DiaSemana : null;
        r.DiaMes = d.Frecuencia == FrecuenciasReporteEjecutivo.Mensual ? d.DiaMes : null;
        r.Hora = d.Hora;
        r.GrupoClienteId = d.GrupoClienteId;
        r.UsuarioIds = usuarios;
        r.Activo = d.Activo ?? r.Activo;
    }

    public static ReporteEjecutivoDto Dto(ReporteEjecutivo r) => new(
        r.Id, r.Nombre, r.Frecuencia, r.DiaSemana, r.DiaMes, r.Hora, r.GrupoClienteId, r.UsuarioIds, r.Activo, CronReporteEjecutivo.Expresion(r), r.Creado, r.UltimoEnvio);
}
