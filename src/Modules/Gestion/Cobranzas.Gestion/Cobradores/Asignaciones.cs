using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed record AsignacionDto(Guid ClienteId, string Rut, string RazonSocial, Guid CobradorId, string CobradorNombre, string Origen, DateTimeOffset Actualizada);

/// <summary>The responsible collector of a client (all null: none).</summary>
public sealed record ResponsableClienteDto(Guid ClienteId, Guid? CobradorId, string? CobradorNombre, string? Origen);

public sealed record ListarAsignaciones(Guid? CobradorId, Guid? ClienteId, string? Origen, int? Pagina, int? TamanoPagina) : IRequest<Pagina<AsignacionDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/asignaciones", async Task<Ok<Pagina<AsignacionDto>>> ([AsParameters] ListarAsignaciones q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarAsignaciones").ProducesValidationProblem();
}

public sealed class ListarAsignacionesValidator : AbstractValidator<ListarAsignaciones>
{
    public ListarAsignacionesValidator()
    {
        RuleFor(x => x.Origen).Must(o => o is null || OrigenesAsignacion.EnOrden.Contains(o)).WithMessage($"Origen debe ser uno de: {string.Join(", ", OrigenesAsignacion.EnOrden)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed record ObtenerAsignacion(Guid ClienteId) : IRequest<ResponsableClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/asignaciones/{clienteId:guid}", async Task<Ok<ResponsableClienteDto>> (Guid clienteId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerAsignacion(clienteId), ct)))
        .WithName("ObtenerAsignacion").ProducesProblem(404);
}

/// <summary>A manual assignment (it beats every rule and no recalculation touches it); a null collector clears it and the rules decide again.</summary>
public sealed record DatosAsignacionManual(Guid? CobradorId);

public sealed record AsignarCliente(Guid ClienteId, DatosAsignacionManual Cuerpo) : IRequest<ResponsableClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/asignaciones/{clienteId:guid}",
            async Task<Ok<ResponsableClienteDto>> (Guid clienteId, DatosAsignacionManual body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AsignarCliente(clienteId, body), ct)))
        .WithName("AsignarCliente").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class AsignarClienteValidator : AbstractValidator<AsignarCliente>
{
    public AsignarClienteValidator() => RuleFor(x => x.Cuerpo).NotNull();
}

public sealed record DatosRecalculo(bool Simular);

public sealed record ResultadoRecalculo(bool Simulado, int Evaluados, int Manuales, int Cambios, IReadOnlyList<CambioAsignacion> Detalle, bool DetalleCompleto);

/// <summary>Re-runs the rules for every client of the company (manual assignments stay); <c>simular</c> answers the same without saving.</summary>
public sealed record RecalcularAsignaciones(DatosRecalculo Cuerpo) : IRequest<ResultadoRecalculo>
{
    public const int DetalleMaximo = 1000;

    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/asignaciones/recalcular", async Task<Ok<ResultadoRecalculo>> (DatosRecalculo body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RecalcularAsignaciones(body), ct)))
        .WithName("RecalcularAsignaciones").ProducesValidationProblem();
}

public sealed class RecalcularAsignacionesValidator : AbstractValidator<RecalcularAsignaciones>
{
    public RecalcularAsignacionesValidator() => RuleFor(x => x.Cuerpo).NotNull();
}

public sealed record FiltroReasignacion(string? Segmento, string? Region, string? Comuna, Guid? CarteraId);

/// <summary>
/// Bulk reassignment: the clients that match every criterion given (of collector <c>desdeCobradorId</c>, among <c>clienteIds</c>, matching
/// the filter) go to <c>haciaCobradorId</c> as manual assignments (a person decided it, so no rule takes them back). At least one criterion.
/// </summary>
public sealed record DatosReasignacion(Guid? DesdeCobradorId, IReadOnlyList<Guid>? ClienteIds, FiltroReasignacion? Filtro, Guid HaciaCobradorId, bool Simular);

public sealed record ResultadoReasignacion(bool Simulado, int Movidos, IReadOnlyList<Guid> ClienteIds);

public sealed record ReasignarClientes(DatosReasignacion Cuerpo) : IRequest<ResultadoReasignacion>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/asignaciones/reasignar", async Task<Ok<ResultadoReasignacion>> (DatosReasignacion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReasignarClientes(body), ct)))
        .WithName("ReasignarClientes").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ReasignarClientesValidator : AbstractValidator<ReasignarClientes>
{
    public const int Maximo = 10_000;

    public ReasignarClientesValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.HaciaCobradorId).NotEmpty();
            c.RuleFor(x => x.ClienteIds).Must(ids => ids is null || ids.Count <= Maximo).WithMessage($"ClienteIds admite a lo más {Maximo} clientes.");
            c.RuleFor(x => x.Filtro).ChildRules(f =>
            {
                f.RuleFor(x => x!.Segmento).MaximumLength(LargosGestion.Nombre);
                f.RuleFor(x => x!.Region).MaximumLength(DatosCobradorValidator.LargoZona);
                f.RuleFor(x => x!.Comuna).MaximumLength(DatosCobradorValidator.LargoZona);
            });
        });
}

public sealed class AsignacionesHandler(GestionDbContext db, IMediator mediator, AlcanceGestion alcance, MotorAsignacion motor)
    : IRequestHandler<ListarAsignaciones, Pagina<AsignacionDto>>, IRequestHandler<ObtenerAsignacion, ResponsableClienteDto>, IRequestHandler<AsignarCliente, ResponsableClienteDto>,
        IRequestHandler<RecalcularAsignaciones, ResultadoRecalculo>, IRequestHandler<ReasignarClientes, ResultadoReasignacion>
{
    public async ValueTask<Pagina<AsignacionDto>> Handle(ListarAsignaciones request, CancellationToken cancellationToken)
    {
        var q = db.Asignaciones.AsNoTracking();
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(a => visibles.Contains(a.ClienteId));
        if (request.CobradorId is { } cobrador)
            q = q.Where(a => a.CobradorId == cobrador);
        if (request.ClienteId is { } cliente)
            q = q.Where(a => a.ClienteId == cliente);
        if (request.Origen is { } origen)
            q = q.Where(a => a.Origen == origen);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var filas = await q.OrderByDescending(a => a.Actualizada).ThenBy(a => a.ClienteId).Skip(saltar).Take(tomar)
            .Join(db.Cobradores, a => a.CobradorId, c => c.Id, (a, c) => new { a.ClienteId, a.CobradorId, c.Nombre, a.Origen, a.Actualizada })
            .ToListAsync(cancellationToken);
        var clientes = (await mediator.Send(new BuscarClientes(filas.Select(f => f.ClienteId).ToList(), []), cancellationToken)).ToDictionary(c => c.Id);
        var items = filas.Where(f => clientes.ContainsKey(f.ClienteId))
            .Select(f => new AsignacionDto(f.ClienteId, clientes[f.ClienteId].Rut, clientes[f.ClienteId].RazonSocial, f.CobradorId, f.Nombre, f.Origen, f.Actualizada)).ToList();
        return new Pagina<AsignacionDto>(items, total, pagina, tamano);
    }

    public async ValueTask<ResponsableClienteDto> Handle(ObtenerAsignacion request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        return await ResponsableAsync(request.ClienteId, cancellationToken);
    }

    public async ValueTask<ResponsableClienteDto> Handle(AsignarCliente request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        var fila = await db.Asignaciones.SingleOrDefaultAsync(a => a.ClienteId == request.ClienteId, cancellationToken);
        if (request.Cuerpo.CobradorId is { } cobrador)
        {
            await CobradoresHandler.CobradorActivoAsync(db, cobrador, "cobradorId", cancellationToken);
            motor.Poner(fila, request.ClienteId, cobrador, OrigenesAsignacion.Manual);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (fila?.Origen == OrigenesAsignacion.Manual)
        {
            await using var transaccion = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Asignaciones.Remove(fila);
            await db.SaveChangesAsync(cancellationToken);
            await motor.RecalcularAsync([request.ClienteId], cancellationToken);
            await transaccion.CommitAsync(cancellationToken);
        }

        return await ResponsableAsync(request.ClienteId, cancellationToken);
    }

    public async ValueTask<ResultadoRecalculo> Handle(RecalcularAsignaciones request, CancellationToken cancellationToken)
    {
        var (evaluados, manuales, cambios) = await motor.CalcularAsync(null, cancellationToken);
        if (!request.Cuerpo.Simular)
            await motor.AplicarAsync(cambios, cancellationToken);
        var detalle = cambios.Take(RecalcularAsignaciones.DetalleMaximo).ToList();
        return new ResultadoRecalculo(request.Cuerpo.Simular, evaluados, manuales, cambios.Count, detalle, detalle.Count == cambios.Count);
    }

    public async ValueTask<ResultadoReasignacion> Handle(ReasignarClientes request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var filtro = d.Filtro;
        var conFiltro = filtro is not null && (!string.IsNullOrWhiteSpace(filtro.Segmento) || !string.IsNullOrWhiteSpace(filtro.Region)
            || !string.IsNullOrWhiteSpace(filtro.Comuna) || filtro.CarteraId is not null);
        if (d.DesdeCobradorId is null && (d.ClienteIds is null || d.ClienteIds.Count == 0) && !conFiltro)
            throw new ReglaNegocioException("desdeCobradorId", "sin_criterio", "Indique de qué cobrador, qué clientes o qué filtro se reasigna.");
        await CobradoresHandler.CobradorActivoAsync(db, d.HaciaCobradorId, "haciaCobradorId", cancellationToken);
        if (d.DesdeCobradorId is { } desde && !await db.Cobradores.AnyAsync(c => c.Id == desde, cancellationToken))
            throw new ReglaNegocioException("desdeCobradorId", "cobrador_inexistente", "El cobrador indicado no existe.");
        if (filtro?.CarteraId is { } carteraId && !await db.Set<Cartera>().AnyAsync(c => c.Id == carteraId, cancellationToken))
            throw new ReglaNegocioException("filtro.carteraId", "cartera_inexistente", "La cartera indicada no existe.");

        HashSet<Guid>? candidatos = null;
        if (d.ClienteIds is { Count: > 0 } ids)
        {
            await CarterasHandler.ClientesExistentesAsync(mediator, ids.Distinct().ToList(), cancellationToken);
            candidatos = [.. ids];
        }

        if (d.DesdeCobradorId is { } origen)
            candidatos = Interseccion(candidatos, await db.Asignaciones.Where(a => a.CobradorId == origen).Select(a => a.ClienteId).ToListAsync(cancellationToken));
        if (filtro?.CarteraId is { } cartera)
            candidatos = Interseccion(candidatos, await db.Set<ClienteCartera>().Where(m => m.CarteraId == cartera).Select(m => m.ClienteId).ToListAsync(cancellationToken));
        if (conFiltro && (!string.IsNullOrWhiteSpace(filtro!.Segmento) || !string.IsNullOrWhiteSpace(filtro.Region) || !string.IsNullOrWhiteSpace(filtro.Comuna)))
        {
            var datos = await mediator.Send(new ListarDatosAsignacion(candidatos), cancellationToken);
            candidatos = datos.Where(c => Coincide(filtro.Segmento, c.Segmento) && Coincide(filtro.Region, c.Region) && Coincide(filtro.Comuna, c.Comuna))
                .Select(c => c.Id).ToHashSet();
        }

        var seleccion = candidatos!.ToList();
        var filas = await db.Asignaciones.Where(a => seleccion.Contains(a.ClienteId)).ToDictionaryAsync(a => a.ClienteId, cancellationToken);
        var moviendo = seleccion.Where(id => !filas.TryGetValue(id, out var f) || f.CobradorId != d.HaciaCobradorId || f.Origen != OrigenesAsignacion.Manual)
            .Order().ToList();
        if (!d.Simular)
        {
            // One SaveChanges: one transaction, and its audit records every moved client.
            foreach (var id in moviendo)
                motor.Poner(filas.GetValueOrDefault(id), id, d.HaciaCobradorId, OrigenesAsignacion.Manual);
            if (moviendo.Count > 0)
            {
                Alertas.Notificar(db, d.HaciaCobradorId, moviendo.Count == 1 ? "Se le asignó 1 cliente" : $"Se le asignaron {moviendo.Count} clientes",
                    "Reasignación masiva de clientes: revise su cartera en Mi trabajo.", "/gestion/mi-trabajo");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new ResultadoReasignacion(d.Simular, moviendo.Count, moviendo);
    }

    private static HashSet<Guid> Interseccion(HashSet<Guid>? actual, List<Guid> otros) => actual is null ? [.. otros] : [.. actual.Intersect(otros)];

    private static bool Coincide(string? filtro, string? valor) =>
        string.IsNullOrWhiteSpace(filtro) || MotorAsignacion.Normalizar(filtro) == MotorAsignacion.Normalizar(valor);

    private async Task<ResponsableClienteDto> ResponsableAsync(Guid clienteId, CancellationToken ct) =>
        await db.Asignaciones.AsNoTracking().Where(a => a.ClienteId == clienteId)
            .Join(db.Cobradores, a => a.CobradorId, c => c.Id, (a, c) => new ResponsableClienteDto(a.ClienteId, c.Id, c.Nombre, a.Origen))
            .SingleOrDefaultAsync(ct) ?? new ResponsableClienteDto(clienteId, null, null, null);
}
