using System.Security.Claims;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

public sealed record AdjuntoDto(Guid Id, string Nombre, string ContentType, long Tamano);

public sealed record ActividadDto(
    Guid Id, Guid ClienteId, Guid TipoActividadId, string Tipo, string TipoNombre, string Canal, Guid? CobradorId, DateTimeOffset Fecha, string? Resultado,
    string? Notas, DateOnly? ProximaAccion, IReadOnlyList<Guid> DocumentoIds, string RegistradaPor, string Origen, string? MotivoExcepcion, IReadOnlyList<AdjuntoDto> Adjuntos, Guid? OrigenId = null);

public sealed record DatosActividad(
    Guid ClienteId, Guid TipoActividadId, DateTimeOffset? Fecha, string? Resultado, string? Notas, DateOnly? ProximaAccion, IReadOnlyList<Guid>? DocumentoIds, string? MotivoExcepcion);

/// <summary>Logs a contact or work on a client's account; a contact the rules forbid answers 422 unless a supervisor gives a reason.</summary>
public sealed record RegistrarActividad(DatosActividad Cuerpo, bool PuedeExceptuar) : IRequest<ActividadDto>
{
    public const int DocumentosMaximos = 200;

    /// <summary>Clocks differ: an activity may be dated a little ahead of the server's time, never more.</summary>
    public static readonly TimeSpan ToleranciaFutura = TimeSpan.FromMinutes(5);

    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/actividades", async Task<Results<Created<ActividadDto>, ProblemHttpResult>> (DatosActividad body, ClaimsPrincipal usuario, IMediator m, CancellationToken ct) =>
        {
            try
            {
                var a = await m.Send(new RegistrarActividad(body, usuario.HasClaim(Permisos.ClaimTipo, Permisos.Supervisar)), ct);
                return TypedResults.Created($"/api/v1/gestion/actividades/{a.Id}", a);
            }
            catch (ContactoBloqueadoException b)
            {
                return (ProblemHttpResult)b.Problema();
            }
        })
        .WithName("RegistrarActividad").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarActividadValidator : AbstractValidator<RegistrarActividad>
{
    public RegistrarActividadValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.ClienteId).NotEmpty();
        c.RuleFor(x => x.TipoActividadId).NotEmpty();
        c.RuleFor(x => x.Resultado).Must(r => r is null || ResultadosActividad.Todos.Contains(r)).WithErrorCode("valor_invalido")
            .WithMessage($"El resultado debe ser uno de: {string.Join(", ", ResultadosActividad.Todos)}.");
        c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
        c.RuleFor(x => x.MotivoExcepcion).MaximumLength(LargosGestion.Motivo);
        c.RuleFor(x => x.DocumentoIds).Must(d => d is null || d.Count <= RegistrarActividad.DocumentosMaximos)
            .WithErrorCode("rango").WithMessage($"Como máximo {RegistrarActividad.DocumentosMaximos} documentos.");
        c.RuleForEach(x => x.DocumentoIds).NotEmpty();
    });
}

public sealed class RegistrarActividadHandler(
    GestionDbContext db, AlcanceGestion alcance, ReglasContacto reglas, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RegistrarActividad, ActividadDto>
{
    public async ValueTask<ActividadDto> Handle(RegistrarActividad request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        await alcance.ClienteAsync(d.ClienteId, cancellationToken);
        var tipo = await db.TiposActividad.AsNoTracking().SingleOrDefaultAsync(t => t.Id == d.TipoActividadId, cancellationToken)
            ?? throw new ReglaNegocioException("tipoActividadId", "tipo_inexistente", "El tipo de actividad no existe en la empresa.");
        if (!tipo.Activo)
            throw new ReglaNegocioException("tipoActividadId", "tipo_inactivo", $"El tipo de actividad «{tipo.Nombre}» está desactivado.");
        var ahora = reloj.GetUtcNow();
        var fecha = (d.Fecha ?? ahora).ToUniversalTime();
        if (fecha > ahora + RegistrarActividad.ToleranciaFutura)
            throw new ReglaNegocioException("fecha", "fecha_futura", "La fecha de la actividad no puede ser futura; registre lo que ya ocurrió (use «próxima acción» para planificar).");
        var documentos = (d.DocumentoIds ?? []).Distinct().ToList();
        if (documentos.Count > 0)
        {
            var encontrados = await mediator.Send(new BuscarDocumentos(documentos), cancellationToken);
            if (encontrados.Count != documentos.Count || encontrados.Any(x => x.ClienteId != d.ClienteId))
                throw new ReglaNegocioException("documentoIds", "documento_de_otro_cliente", "Todos los documentos deben existir y ser del cliente de la actividad.");
        }

        var motivo = string.IsNullOrWhiteSpace(d.MotivoExcepcion) ? null : d.MotivoExcepcion.Trim();
        var bloqueo = await reglas.EvaluarAsync(d.ClienteId, tipo.Canal, fecha, cancellationToken);
        if (bloqueo is not null && (motivo is null || !request.PuedeExceptuar))
            throw new ContactoBloqueadoException(bloqueo);
        if (bloqueo is null)
            motivo = null;

        var cobrador = await db.Asignaciones.Where(a => a.ClienteId == d.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken)
            ?? await alcance.CobradorPropioAsync(cancellationToken);
        var actividad = new Actividad
        {
            ClienteId = d.ClienteId,
            TipoActividadId = tipo.Id,
            Canal = tipo.Canal,
            CobradorId = cobrador,
            Fecha = fecha,
            Resultado = d.Resultado,
            Notas = string.IsNullOrWhiteSpace(d.Notas) ? null : d.Notas.Trim(),
            ProximaAccion = d.ProximaAccion,
            DocumentoIds = documentos,
            RegistradaPor = contexto.Actor,
            MotivoExcepcion = motivo,
            Creada = ahora,
        };
        db.Actividades.Add(actividad);
        if (d.ProximaAccion is { } proxima)
        {
            db.Tareas.Add(new Tarea
            {
                ClienteId = d.ClienteId,
                CobradorId = await db.Asignaciones.Where(a => a.ClienteId == d.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken),
                Tipo = TipoTarea(tipo.Canal),
                Origen = OrigenesTarea.Actividad,
                OrigenId = actividad.Id,
                Titulo = $"Próxima acción: {tipo.Nombre}",
                Motivo = $"Acordada en la actividad «{tipo.Nombre}» del {fecha.ToOffset(SharedKernel.Tiempo.FechaNegocio.Santiago.GetUtcOffset(fecha)):dd-MM-yyyy}.",
                Fecha = proxima,
                Creada = ahora,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionActividad.CargarAsync(db, actividad.Id, cancellationToken);
    }

    public static string TipoTarea(string canal) => canal switch
    {
        CanalesContacto.Presencial => "visita",
        CanalesContacto.Escrito => "correo",
        _ => "llamada",
    };
}

public sealed record ObtenerActividad(Guid Id) : IRequest<ActividadDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/actividades/{id:guid}", async Task<Ok<ActividadDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerActividad(id), ct)))
        .WithName("ObtenerActividad").ProducesProblem(404);
}

public sealed class ObtenerActividadHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ObtenerActividad, ActividadDto>
{
    public async ValueTask<ActividadDto> Handle(ObtenerActividad request, CancellationToken cancellationToken)
    {
        var a = await ProyeccionActividad.CargarAsync(db, request.Id, cancellationToken);
        if (!await alcance.PuedeVerAsync(a.ClienteId, cancellationToken))
            throw new NoEncontradoException("Actividad", request.Id);
        return a;
    }
}

public sealed record ListarActividades(Guid? ClienteId, Guid? CobradorId, DateOnly? Desde, DateOnly? Hasta, int? Pagina, int? TamanoPagina) : IRequest<Pagina<ActividadDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/actividades", async Task<Ok<Pagina<ActividadDto>>> (
                Guid? clienteId, Guid? cobradorId, DateOnly? desde, DateOnly? hasta, int? pagina, int? tamanoPagina, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarActividades(clienteId, cobradorId, desde, hasta, pagina, tamanoPagina), ct)))
        .WithName("ListarActividades").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ListarActividadesValidator : AbstractValidator<ListarActividades>
{
    public ListarActividadesValidator() => RuleFor(x => x.Hasta).GreaterThanOrEqualTo(x => x.Desde).When(x => x.Desde is not null && x.Hasta is not null)
        .WithMessage("«hasta» no puede ser anterior a «desde».");
}

public sealed class ListarActividadesHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ListarActividades, Pagina<ActividadDto>>
{
    public async ValueTask<Pagina<ActividadDto>> Handle(ListarActividades request, CancellationToken cancellationToken)
    {
        IQueryable<Actividad> q = db.Actividades.AsNoTracking();
        if (request.ClienteId is { } clienteId)
        {
            await alcance.ClienteAsync(clienteId, cancellationToken);
            q = q.Where(a => a.ClienteId == clienteId);
        }

        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(a => visibles.Contains(a.ClienteId));
        if (request.CobradorId is { } cobradorId)
            q = q.Where(a => a.CobradorId == cobradorId);
        if (request.Desde is { } desde)
        {
            var inicio = Inicio(desde);
            q = q.Where(a => a.Fecha >= inicio);
        }

        // The last representable day has no "next day": it bounds nothing.
        if (request.Hasta is { } hasta && hasta < DateOnly.MaxValue)
        {
            var fin = Inicio(hasta.AddDays(1));
            q = q.Where(a => a.Fecha < fin);
        }

        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var filas = await q.OrderByDescending(a => a.Fecha).ThenByDescending(a => a.Id).Skip(saltar).Take(tomar).ToListAsync(cancellationToken);
        return new Pagina<ActividadDto>(await ProyeccionActividad.ProyectarAsync(db, filas, cancellationToken), total, pagina, tamano);
    }

    private static DateTimeOffset Inicio(DateOnly dia)
    {
        // Santiago is behind UTC: the start of the last day(s) of the calendar would fall past DateTimeOffset's range.
        if (dia >= DateOnly.MaxValue.AddDays(-1))
            return DateTimeOffset.MaxValue;
        var local = dia.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, SharedKernel.Tiempo.FechaNegocio.Santiago.GetUtcOffset(local)).ToUniversalTime();
    }
}

public static class ProyeccionActividad
{
    public static async Task<ActividadDto> CargarAsync(GestionDbContext db, Guid id, CancellationToken ct)
    {
        var a = await db.Actividades.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NoEncontradoException("Actividad", id);
        return (await ProyectarAsync(db, [a], ct))[0];
    }

    public static async Task<IReadOnlyList<ActividadDto>> ProyectarAsync(GestionDbContext db, IReadOnlyList<Actividad> actividades, CancellationToken ct)
    {
        var ids = actividades.Select(a => a.Id).ToList();
        var tipoIds = actividades.Select(a => a.TipoActividadId).Distinct().ToList();
        var tipos = await db.TiposActividad.AsNoTracking().Where(t => tipoIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var adjuntos = (await db.Set<AdjuntoActividad>().AsNoTracking().Where(x => ids.Contains(x.ActividadId)).OrderBy(x => x.Creado).ToListAsync(ct))
            .ToLookup(x => x.ActividadId);
        return actividades.Select(a =>
        {
            var t = tipos[a.TipoActividadId];
            return new ActividadDto(
                a.Id, a.ClienteId, a.TipoActividadId, t.Tipo, t.Nombre, a.Canal, a.CobradorId, a.Fecha, a.Resultado, a.Notas, a.ProximaAccion, a.DocumentoIds,
                a.RegistradaPor, a.Origen, a.MotivoExcepcion, adjuntos[a.Id].Select(x => new AdjuntoDto(x.Id, x.Nombre, x.ContentType, x.Tamano)).ToList(), a.OrigenId);
        }).ToList();
    }
}
