using System.Globalization;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Trabajo;

/// <summary>What a task asks to do. The system kinds are created by promises, escalation and disputes.</summary>
public static class TiposTarea
{
    public const string Llamada = "llamada";
    public const string Visita = "visita";
    public const string Correo = "correo";
    public const string Seguimiento = "seguimiento";
    public const string VerificarCompromiso = "verificar_compromiso";
    public const string SeguimientoCompromiso = "seguimiento_compromiso";
    public const string RevisarDisputa = "revisar_disputa";
    public static readonly string[] Todos = [Llamada, Visita, Correo, "whatsapp", "reunion", "carta", Seguimiento, VerificarCompromiso, SeguimientoCompromiso, RevisarDisputa, "otro"];
}

public sealed record TareaDto(
    Guid Id, Guid ClienteId, Guid? CobradorId, string Tipo, string Origen, Guid? OrigenId, string Titulo, string Motivo, DateOnly Fecha, string Estado,
    DateTimeOffset Creada, DateTimeOffset? Completada, string? CompletadaPor, string? Resultado)
{
    public static TareaDto De(Tarea t) => new(t.Id, t.ClienteId, t.CobradorId, t.Tipo, t.Origen, t.OrigenId, t.Titulo, t.Motivo, t.Fecha, t.Estado, t.Creada, t.Completada, t.CompletadaPor, t.Resultado);
}

/// <summary>Which tasks the caller may see and act on: every one for a supervisor; for a Cobrador those of its clients and those given to it.</summary>
public static class VisibilidadTareas
{
    public static async Task<IQueryable<Tarea>> FiltrarAsync(GestionDbContext db, AlcanceGestion alcance, CancellationToken ct)
    {
        if (await alcance.CobradorRestringidoAsync(ct) is not { } cobrador)
            return db.Tareas;
        var clientes = db.Asignaciones.Where(a => a.CobradorId == cobrador).Select(a => a.ClienteId);
        return db.Tareas.Where(t => t.CobradorId == cobrador || clientes.Contains(t.ClienteId));
    }

    public static async Task<Tarea> CargarAsync(GestionDbContext db, AlcanceGestion alcance, Guid id, CancellationToken ct) =>
        await (await FiltrarAsync(db, alcance, ct)).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NoEncontradoException("Tarea", id);

    public static async Task<Cobrador> CobradorActivoAsync(GestionDbContext db, Guid id, CancellationToken ct) =>
        await db.Cobradores.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { Activo: true } c
            ? c
            : throw new ReglaNegocioException("cobradorId", "cobrador_inexistente", "cobradorId no corresponde a un cobrador activo de la empresa.");
}

public sealed record DatosTarea(Guid ClienteId, string Tipo, string Titulo, DateOnly Fecha, Guid? CobradorId, string? Motivo);

/// <summary>
/// A manual task. Without <c>cobradorId</c> it goes to the client's collector (or to the caller's own collector); a Cobrador
/// may only create tasks for itself on its own clients.
/// </summary>
public sealed record CrearTarea(DatosTarea Cuerpo) : IRequest<TareaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/tareas", async Task<Created<TareaDto>> (DatosTarea body, IMediator m, CancellationToken ct) =>
        {
            var t = await m.Send(new CrearTarea(body), ct);
            return TypedResults.Created($"/api/v1/gestion/tareas/{t.Id}", t);
        })
        .WithName("CrearTarea").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CrearTareaValidator : AbstractValidator<CrearTarea>
{
    public CrearTareaValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.ClienteId).NotEmpty().WithMessage("clienteId es obligatorio.");
            c.RuleFor(x => x.Tipo).NotEmpty().WithMessage("tipo es obligatorio.")
                .Must(t => TiposTarea.Todos.Contains(t)).WithMessage($"tipo debe ser uno de: {string.Join(", ", TiposTarea.Todos)}.");
            c.RuleFor(x => x.Titulo).NotEmpty().WithMessage("titulo es obligatorio.").MaximumLength(LargosGestion.Titulo);
            c.RuleFor(x => x.Motivo).MaximumLength(LargosGestion.Motivo);
            c.RuleFor(x => x.Fecha).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("fecha debe estar entre 2000-01-01 y 2100-12-31.");
            c.RuleFor(x => x.CobradorId).NotEqual(Guid.Empty).WithMessage("cobradorId no puede ser vacío.");
        });
}

public sealed class CrearTareaHandler(GestionDbContext db, AlcanceGestion alcance, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CrearTarea, TareaDto>
{
    public async ValueTask<TareaDto> Handle(CrearTarea request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var cliente = await alcance.ClienteAsync(d.ClienteId, cancellationToken);
        var restringido = await alcance.CobradorRestringidoAsync(cancellationToken);
        Guid? cobrador = d.CobradorId;
        if (cobrador is { } elegido)
        {
            if (restringido is { } propio && elegido != propio)
                throw new ReglaNegocioException("cobradorId", "cobrador_ajeno", "Un cobrador solo puede crearse tareas a sí mismo; pida la reasignación a su supervisor.");
            await VisibilidadTareas.CobradorActivoAsync(db, elegido, cancellationToken);
        }
        else
        {
            cobrador = await db.Asignaciones.Where(a => a.ClienteId == cliente.Id).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken)
                ?? await alcance.CobradorPropioAsync(cancellationToken);
        }

        var tarea = new Tarea
        {
            EmpresaId = contexto.EmpresaId, ClienteId = cliente.Id, CobradorId = cobrador, Tipo = d.Tipo, Origen = OrigenesTarea.Manual, Titulo = d.Titulo.Trim(),
            Motivo = string.IsNullOrWhiteSpace(d.Motivo) ? "Tarea manual" : d.Motivo.Trim(), Fecha = d.Fecha, Creada = reloj.GetUtcNow(),
        };
        db.Tareas.Add(tarea);
        await db.SaveChangesAsync(cancellationToken);
        return TareaDto.De(tarea);
    }
}

/// <summary>Tasks the caller may see, by client, state, collector and date range, ordered by date.</summary>
public sealed record ListarTareas(Guid? ClienteId, string? Estado, Guid? CobradorId, DateOnly? Desde, DateOnly? Hasta, int? Pagina, int? TamanoPagina) : IRequest<Pagina<TareaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/tareas", async Task<Ok<Pagina<TareaDto>>> ([AsParameters] ListarTareas q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarTareas").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ListarTareasValidator : AbstractValidator<ListarTareas>
{
    private static readonly string[] Estados = [EstadosTarea.Pendiente, EstadosTarea.Completada, EstadosTarea.Cancelada];

    public ListarTareasValidator()
    {
        RuleFor(x => x.Estado).Must(e => e is null || Estados.Contains(e)).WithMessage($"estado debe ser uno de: {string.Join(", ", Estados)}.");
        RuleFor(x => x.Hasta).Must((x, h) => h is null || x.Desde is null || h >= x.Desde).WithMessage("hasta no puede ser anterior a desde.");
        RuleFor(x => x.Pagina).GreaterThan(0).WithMessage("pagina debe ser mayor que 0.");
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo).WithMessage($"tamanoPagina debe estar entre 1 y {Paginacion.TamanoMaximo}.");
    }
}

public sealed class ListarTareasHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ListarTareas, Pagina<TareaDto>>
{
    public async ValueTask<Pagina<TareaDto>> Handle(ListarTareas request, CancellationToken cancellationToken)
    {
        if (request.ClienteId is { } clienteId)
            await alcance.ClienteAsync(clienteId, cancellationToken);
        var q = (await VisibilidadTareas.FiltrarAsync(db, alcance, cancellationToken)).AsNoTracking();
        if (request.ClienteId is { } c)
            q = q.Where(t => t.ClienteId == c);
        if (request.Estado is { } e)
            q = q.Where(t => t.Estado == e);
        if (request.CobradorId is { } cob)
            q = q.Where(t => t.CobradorId == cob);
        if (request.Desde is { } desde)
            q = q.Where(t => t.Fecha >= desde);
        if (request.Hasta is { } hasta)
            q = q.Where(t => t.Fecha <= hasta);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var filas = await q.OrderBy(t => t.Fecha).ThenBy(t => t.Id).Skip(saltar).Take(tomar).ToListAsync(cancellationToken);
        return new Pagina<TareaDto>(filas.Select(TareaDto.De).ToList(), total, pagina, tamano);
    }
}

public sealed record DatosCompletarTarea(string? Resultado);

/// <summary>Marks a pending task done (it leaves "Mi trabajo"); 409 if it is no longer pending.</summary>
public sealed record CompletarTarea(Guid Id, DatosCompletarTarea Cuerpo) : IRequest<TareaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/tareas/{id:guid}/completar", async Task<Ok<TareaDto>> (Guid id, DatosCompletarTarea body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CompletarTarea(id, body), ct)))
        .WithName("CompletarTarea").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class CompletarTareaValidator : AbstractValidator<CompletarTarea>
{
    public CompletarTareaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Resultado).MaximumLength(LargosGestion.Notas));
}

public sealed record DatosPosponerTarea(DateOnly Fecha, string? Motivo);

/// <summary>Snoozes a pending task to a later date (after today): it leaves "Mi trabajo" until then.</summary>
public sealed record PosponerTarea(Guid Id, DatosPosponerTarea Cuerpo) : IRequest<TareaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/tareas/{id:guid}/posponer", async Task<Ok<TareaDto>> (Guid id, DatosPosponerTarea body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PosponerTarea(id, body), ct)))
        .WithName("PosponerTarea").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class PosponerTareaValidator : AbstractValidator<PosponerTarea>
{
    public PosponerTareaValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Fecha).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("fecha debe estar entre 2000-01-01 y 2100-12-31.");
            c.RuleFor(x => x.Motivo).MaximumLength(LargosGestion.Motivo);
        });
}

public sealed record DatosReasignarTarea(Guid CobradorId);

/// <summary>
/// Gives a pending task to another collector and alerts it. Supervisors only (route group <c>supervisar</c>): moving work
/// between collectors is running the team; a collector who cannot do a task snoozes it or asks its supervisor.
/// </summary>
public sealed record ReasignarTarea(Guid Id, DatosReasignarTarea Cuerpo) : IRequest<TareaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/tareas/{id:guid}/reasignar", async Task<Ok<TareaDto>> (Guid id, DatosReasignarTarea body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReasignarTarea(id, body), ct)))
        .WithName("ReasignarTarea").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ReasignarTareaValidator : AbstractValidator<ReasignarTarea>
{
    public ReasignarTareaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.CobradorId).NotEmpty().WithMessage("cobradorId es obligatorio."));
}

public sealed class AccionesTareaHandler(GestionDbContext db, AlcanceGestion alcance, IContextoSolicitud contexto, TimeProvider reloj, IMediator mediator)
    : IRequestHandler<CompletarTarea, TareaDto>, IRequestHandler<PosponerTarea, TareaDto>, IRequestHandler<ReasignarTarea, TareaDto>
{
    public async ValueTask<TareaDto> Handle(CompletarTarea request, CancellationToken cancellationToken)
    {
        var tarea = await PendienteAsync(request.Id, cancellationToken);
        tarea.Estado = EstadosTarea.Completada;
        tarea.Completada = reloj.GetUtcNow();
        tarea.CompletadaPor = contexto.Actor;
        tarea.Resultado = string.IsNullOrWhiteSpace(request.Cuerpo.Resultado) ? null : request.Cuerpo.Resultado.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return TareaDto.De(tarea);
    }

    public async ValueTask<TareaDto> Handle(PosponerTarea request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        if (request.Cuerpo.Fecha <= hoy)
            throw new ReglaNegocioException("fecha", "fecha_no_futura", "fecha debe ser posterior a hoy para posponer la tarea.");
        var tarea = await PendienteAsync(request.Id, cancellationToken);
        var nota = $"Pospuesta al {request.Cuerpo.Fecha.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}"
                   + (string.IsNullOrWhiteSpace(request.Cuerpo.Motivo) ? "" : $": {request.Cuerpo.Motivo.Trim()}");
        tarea.Fecha = request.Cuerpo.Fecha;
        tarea.Motivo = Recortar($"{tarea.Motivo} · {nota}", LargosGestion.Motivo);
        await db.SaveChangesAsync(cancellationToken);
        return TareaDto.De(tarea);
    }

    public async ValueTask<TareaDto> Handle(ReasignarTarea request, CancellationToken cancellationToken)
    {
        var tarea = await PendienteAsync(request.Id, cancellationToken);
        var nuevo = await VisibilidadTareas.CobradorActivoAsync(db, request.Cuerpo.CobradorId, cancellationToken);
        if (tarea.CobradorId == nuevo.Id)
            return TareaDto.De(tarea);
        tarea.CobradorId = nuevo.Id;
        var cliente = (await mediator.Send(new Cobranzas.Clientes.Contracts.BuscarClientes([tarea.ClienteId], []), cancellationToken)).SingleOrDefault();
        Alertas.Notificar(db, nuevo.Id, $"Tarea reasignada: {tarea.Titulo}",
            $"{cliente?.RazonSocial ?? "Cliente"} · para el {tarea.Fecha.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}", "/gestion/mi-trabajo");
        await db.SaveChangesAsync(cancellationToken);
        return TareaDto.De(tarea);
    }

    private async Task<Tarea> PendienteAsync(Guid id, CancellationToken ct)
    {
        var tarea = await VisibilidadTareas.CargarAsync(db, alcance, id, ct);
        return tarea.Estado == EstadosTarea.Pendiente ? tarea : throw new ConflictoException("estado", $"La tarea ya está {tarea.Estado}.");
    }

    private static string Recortar(string texto, int largo) => texto.Length <= largo ? texto : texto[..largo];
}
