using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Compromisos;

public sealed record CuotaCompromisoDto(int Numero, DateOnly Fecha, decimal Monto, decimal MontoCumplido, string Estado);

public sealed record EventoCompromisoDto(DateTimeOffset Fecha, string Accion, int Version, string? Estado, string? Motivo, string Autor, IReadOnlyList<CuotaCompromisoDto> Cuotas);

public sealed record CompromisoDto(
    Guid Id, Guid ClienteId, IReadOnlyList<Guid> DocumentoIds, IReadOnlyList<CuotaCompromisoDto> Cuotas, decimal Monto, decimal MontoCumplido, string Estado, string Canal,
    string? Notas, string TomadoPor, Guid? CobradorId, DateTimeOffset Creado, int Version, IReadOnlyList<EventoCompromisoDto> Historial);

public sealed record CuotaPrometida(DateOnly Fecha, decimal Monto);

public sealed record DatosCompromiso(Guid ClienteId, IReadOnlyList<Guid>? DocumentoIds, IReadOnlyList<CuotaPrometida> Cuotas, string Canal, string? Notas);

public sealed record DatosReprogramacion(IReadOnlyList<CuotaPrometida> Cuotas, string Motivo);

public sealed record DatosAnulacionCompromiso(string Motivo);

/// <summary>Installments: one to 24, each a date and a whole CLP amount above zero.</summary>
public sealed class ReglasCuotas : AbstractValidator<IReadOnlyList<CuotaPrometida>>
{
    public const int Maximo = 24;

    public ReglasCuotas()
    {
        RuleFor(x => x).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Indique al menos una cuota.").Must(x => x.Count <= Maximo).WithMessage($"Un compromiso tiene a lo más {Maximo} cuotas.");
        RuleForEach(x => x).NotNull().WithMessage("Cada cuota es un objeto con fecha y monto.").ChildRules(c =>
        {
            c.RuleFor(x => x.Monto).GreaterThan(0).WithMessage("El monto de la cuota debe ser mayor que 0.")
                .LessThanOrEqualTo(999_999_999_999m).WithMessage("El monto de la cuota es demasiado grande.")
                .Must(m => m == decimal.Truncate(m)).WithMessage("El monto en CLP no lleva decimales.");
            c.RuleFor(x => x.Fecha).NotEmpty().WithMessage("Indique la fecha de la cuota.");
        });
        RuleFor(x => x).Must(x => x.Where(c => c is not null).Select(c => c.Fecha).Distinct().Count() == x.Count(c => c is not null))
            .WithMessage("Dos cuotas no pueden tener la misma fecha.").When(x => x is not null);
    }
}

public static class Cuotas
{
    public const int AniosMaximos = 5;

    /// <summary>Numbered in date order; dates today or later (422 naming the installment otherwise).</summary>
    public static List<CuotaCompromiso> Nuevas(IReadOnlyList<CuotaPrometida> datos, DateOnly hoy)
    {
        for (var i = 0; i < datos.Count; i++)
        {
            if (datos[i].Fecha < hoy)
                throw new ReglaNegocioException($"cuotas[{i}].fecha", "fecha_pasada", $"La fecha de la cuota ({datos[i].Fecha:dd-MM-yyyy}) no puede ser anterior a hoy.");
            if (datos[i].Fecha > hoy.AddYears(AniosMaximos))
                throw new ReglaNegocioException($"cuotas[{i}].fecha", "fecha_lejana", $"La fecha de la cuota no puede pasar de {AniosMaximos} años desde hoy.");
        }

        return datos.OrderBy(d => d.Fecha).Select((d, i) => new CuotaCompromiso(i + 1, d.Fecha, d.Monto)).ToList();
    }

    public static CuotaCompromisoDto Dto(CuotaCompromiso c) => new(c.Numero, c.Fecha, c.Monto, c.MontoCumplido, c.Estado);
}

public sealed record TomarCompromiso(DatosCompromiso Cuerpo) : IRequest<CompromisoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/compromisos", async Task<Created<CompromisoDto>> (DatosCompromiso body, IMediator m, CancellationToken ct) =>
        {
            var c = await m.Send(new TomarCompromiso(body), ct);
            return TypedResults.Created($"/api/v1/gestion/compromisos/{c.Id}", c);
        })
        .WithName("TomarCompromiso").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class TomarCompromisoValidator : AbstractValidator<TomarCompromiso>
{
    public TomarCompromisoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.ClienteId).NotEmpty().WithMessage("Indique el cliente.");
            c.RuleFor(x => x.Cuotas).NotNull().WithMessage("Indique al menos una cuota.").SetValidator(new ReglasCuotas());
            c.RuleFor(x => x.Canal).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Indique el canal.")
                .Must(v => CanalesCompromiso.Todos.Contains(v)).WithMessage($"El canal debe ser uno de: {string.Join(", ", CanalesCompromiso.Todos)}.");
            c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
            c.RuleFor(x => x.DocumentoIds).Cascade(CascadeMode.Stop).Must(d => d!.Count <= 200).WithMessage("A lo más 200 documentos por compromiso.")
                .Must(d => d!.All(id => id != Guid.Empty)).WithMessage("Los documentos deben ser ids válidos.")
                .Must(d => d!.Distinct().Count() == d!.Count).WithMessage("Hay documentos repetidos.").When(x => x.DocumentoIds is not null);
        });
}

public sealed class TomarCompromisoHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, EvaluadorCompromisos evaluador, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<TomarCompromiso, CompromisoDto>
{
    public async ValueTask<CompromisoDto> Handle(TomarCompromiso request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        await alcance.ClienteAsync(datos.ClienteId, cancellationToken);
        var hoy = FechaNegocio.Hoy(reloj);
        var cuotas = Cuotas.Nuevas(datos.Cuotas, hoy);
        var documentoIds = datos.DocumentoIds?.ToList() ?? [];
        if (documentoIds.Count > 0)
        {
            var documentos = (await mediator.Send(new BuscarDocumentos(documentoIds), cancellationToken)).ToDictionary(d => d.Id);
            for (var i = 0; i < documentoIds.Count; i++)
            {
                if (!documentos.TryGetValue(documentoIds[i], out var d) || d.ClienteId != datos.ClienteId)
                    throw new ReglaNegocioException($"documentoIds[{i}]", "documento_inexistente", "El documento no existe o es de otro cliente.");
                if (d.Saldo <= 0)
                    throw new ReglaNegocioException($"documentoIds[{i}]", "documento_pagado", $"El documento {d.Tipo} {d.Folio} no tiene saldo pendiente.");
            }

            // Only CLP balances compare directly with a CLP promise.
            if (documentos.Values.All(d => d.Moneda == "CLP") && cuotas.Sum(c => c.Monto) > documentos.Values.Sum(d => d.Saldo))
                throw new ReglaNegocioException("cuotas", "excede_saldo",
                    $"Las cuotas suman {cuotas.Sum(c => c.Monto):N0} y los documentos deben {documentos.Values.Sum(d => d.Saldo):N0}.");
        }

        var compromiso = new Compromiso
        {
            ClienteId = datos.ClienteId, DocumentoIds = documentoIds, Cuotas = cuotas, Monto = cuotas.Sum(c => c.Monto), Canal = datos.Canal, Notas = datos.Notas?.Trim(),
            TomadoPor = contexto.Actor, Creado = reloj.GetUtcNow(), Desde = hoy,
            CobradorId = await db.Asignaciones.Where(a => a.ClienteId == datos.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken)
                ?? await alcance.CobradorPropioAsync(cancellationToken),
        };
        db.Add(compromiso);
        db.Add(new EventoCompromiso { CompromisoId = compromiso.Id, Fecha = compromiso.Creado, Accion = "creado", Version = 1, Estado = compromiso.Estado, Autor = contexto.Actor, Cuotas = cuotas });
        await evaluador.EvaluarAsync([compromiso], cancellationToken);
        var dto = await ProyeccionCompromiso.CargarAsync(db, compromiso.Id, cancellationToken);
        await mediator.Publish(EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.CompromisoCreado, compromiso.Id, dto, compromiso.Creado), cancellationToken);
        return dto;
    }
}

public sealed record ListarCompromisos(Guid? ClienteId, Guid? CobradorId, string? Estado) : IRequest<IReadOnlyList<CompromisoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/compromisos", async Task<Ok<IReadOnlyList<CompromisoDto>>> ([AsParameters] ListarCompromisos q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarCompromisos").ProducesValidationProblem();
}

public sealed class ListarCompromisosValidator : AbstractValidator<ListarCompromisos>
{
    public ListarCompromisosValidator() =>
        RuleFor(x => x.Estado).Must(e => EstadosCompromiso.Todos.Contains(e)).WithMessage($"El estado debe ser uno de: {string.Join(", ", EstadosCompromiso.Todos)}.").When(x => x.Estado is not null);
}

public sealed class ListarCompromisosHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ListarCompromisos, IReadOnlyList<CompromisoDto>>
{
    public const int Maximo = 500;

    public async ValueTask<IReadOnlyList<CompromisoDto>> Handle(ListarCompromisos request, CancellationToken cancellationToken)
    {
        var q = db.Set<Compromiso>().AsNoTracking();
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(c => visibles.Contains(c.ClienteId));
        if (request.ClienteId is { } cliente)
            q = q.Where(c => c.ClienteId == cliente);
        if (request.CobradorId is { } cobrador)
            q = q.Where(c => c.CobradorId == cobrador);
        if (request.Estado is { } estado)
            q = q.Where(c => c.Estado == estado);
        var ids = await q.OrderByDescending(c => c.Creado).Take(Maximo).Select(c => c.Id).ToListAsync(cancellationToken);
        return await ProyeccionCompromiso.CargarAsync(db, ids, cancellationToken);
    }
}

public sealed record ObtenerCompromiso(Guid Id) : IRequest<CompromisoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/compromisos/{id:guid}", async Task<Ok<CompromisoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerCompromiso(id), ct)))
        .WithName("ObtenerCompromiso").ProducesProblem(404);
}

public sealed class ObtenerCompromisoHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ObtenerCompromiso, CompromisoDto>
{
    public async ValueTask<CompromisoDto> Handle(ObtenerCompromiso request, CancellationToken cancellationToken)
    {
        await ProyeccionCompromiso.VisibleAsync(db, alcance, request.Id, cancellationToken);
        return await ProyeccionCompromiso.CargarAsync(db, request.Id, cancellationToken);
    }
}

public sealed record ReprogramarCompromiso(Guid Id, DatosReprogramacion Cuerpo) : IRequest<CompromisoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/compromisos/{id:guid}/reprogramar", async Task<Ok<CompromisoDto>> (Guid id, DatosReprogramacion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReprogramarCompromiso(id, body), ct)))
        .WithName("ReprogramarCompromiso").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ReprogramarCompromisoValidator : AbstractValidator<ReprogramarCompromiso>
{
    public ReprogramarCompromisoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Cuotas).NotNull().WithMessage("Indique al menos una cuota.").SetValidator(new ReglasCuotas());
            c.RuleFor(x => x.Motivo).NotEmpty().WithMessage("Indique el motivo de la reprogramación.").MaximumLength(LargosGestion.Motivo);
        });
}

/// <summary>A new version of the installments; the earlier ones stay in the history. A broken promise rescheduled is pending again.</summary>
public sealed class ReprogramarCompromisoHandler(GestionDbContext db, AlcanceGestion alcance, EvaluadorCompromisos evaluador, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ReprogramarCompromiso, CompromisoDto>
{
    public async ValueTask<CompromisoDto> Handle(ReprogramarCompromiso request, CancellationToken cancellationToken)
    {
        var c = await ProyeccionCompromiso.VisibleAsync(db, alcance, request.Id, cancellationToken);
        if (c.Estado is EstadosCompromiso.Cumplido or EstadosCompromiso.Anulado)
            throw new ReglaNegocioException("id", "compromiso_cerrado", $"Un compromiso {c.Estado} no se reprograma.");
        var cuotas = Cuotas.Nuevas(request.Cuerpo.Cuotas, FechaNegocio.Hoy(reloj));
        var motivo = request.Cuerpo.Motivo.Trim();
        c.Cuotas = cuotas;
        c.Monto = cuotas.Sum(x => x.Monto);
        c.Version++;
        c.Estado = EstadosCompromiso.Pendiente;
        db.Add(new EventoCompromiso { CompromisoId = c.Id, Fecha = reloj.GetUtcNow(), Accion = "reprogramado", Version = c.Version, Estado = c.Estado, Motivo = motivo, Autor = contexto.Actor, Cuotas = cuotas });
        try
        {
            await evaluador.EvaluarAsync([c], cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictoException("id", "Otra persona cambió el compromiso al mismo tiempo; vuelva a cargarlo.");
        }

        return await ProyeccionCompromiso.CargarAsync(db, c.Id, cancellationToken);
    }
}

public sealed record AnularCompromiso(Guid Id, DatosAnulacionCompromiso Cuerpo) : IRequest<CompromisoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/compromisos/{id:guid}/anular", async Task<Ok<CompromisoDto>> (Guid id, DatosAnulacionCompromiso body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AnularCompromiso(id, body), ct)))
        .WithName("AnularCompromiso").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class AnularCompromisoValidator : AbstractValidator<AnularCompromiso>
{
    public AnularCompromisoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Motivo).NotEmpty().WithMessage("Indique el motivo de la anulación.").MaximumLength(LargosGestion.Motivo));
}

public sealed class AnularCompromisoHandler(GestionDbContext db, AlcanceGestion alcance, EvaluadorCompromisos evaluador, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<AnularCompromiso, CompromisoDto>
{
    public async ValueTask<CompromisoDto> Handle(AnularCompromiso request, CancellationToken cancellationToken)
    {
        var c = await ProyeccionCompromiso.VisibleAsync(db, alcance, request.Id, cancellationToken);
        if (c.Estado == EstadosCompromiso.Anulado)
            return await ProyeccionCompromiso.CargarAsync(db, c.Id, cancellationToken);
        if (c.Estado == EstadosCompromiso.Cumplido)
            throw new ReglaNegocioException("id", "compromiso_cerrado", "Un compromiso cumplido no se anula.");
        c.Estado = EstadosCompromiso.Anulado;
        db.Add(new EventoCompromiso
        {
            CompromisoId = c.Id, Fecha = reloj.GetUtcNow(), Accion = "anulado", Version = c.Version, Estado = c.Estado, Motivo = request.Cuerpo.Motivo.Trim(), Autor = contexto.Actor,
        });
        await evaluador.EvaluarAsync([c], cancellationToken);
        return await ProyeccionCompromiso.CargarAsync(db, c.Id, cancellationToken);
    }
}

public static class ProyeccionCompromiso
{
    /// <summary>The tracked promise, if the caller may see its client; 404 otherwise.</summary>
    public static async Task<Compromiso> VisibleAsync(GestionDbContext db, AlcanceGestion alcance, Guid id, CancellationToken ct)
    {
        var c = await db.Set<Compromiso>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await alcance.PuedeVerAsync(c.ClienteId, ct))
            throw new NoEncontradoException("Compromiso", id);
        return c;
    }

    public static async Task<CompromisoDto> CargarAsync(GestionDbContext db, Guid id, CancellationToken ct) =>
        (await CargarAsync(db, [id], ct)).SingleOrDefault() ?? throw new NoEncontradoException("Compromiso", id);

    /// <summary>The promises in the order of <paramref name="ids"/>, with their history, in two queries.</summary>
    public static async Task<IReadOnlyList<CompromisoDto>> CargarAsync(GestionDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var compromisos = await db.Set<Compromiso>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var historial = (await db.Set<EventoCompromiso>().AsNoTracking().Where(e => ids.Contains(e.CompromisoId)).OrderBy(e => e.Fecha).ThenBy(e => e.Id).ToListAsync(ct))
            .ToLookup(e => e.CompromisoId);
        return ids.Where(compromisos.ContainsKey).Select(id =>
        {
            var c = compromisos[id];
            return new CompromisoDto(c.Id, c.ClienteId, c.DocumentoIds, c.Cuotas.Select(Cuotas.Dto).ToList(), c.Monto, c.MontoCumplido, c.Estado, c.Canal, c.Notas,
                c.TomadoPor, c.CobradorId, c.Creado, c.Version,
                historial[id].Select(e => new EventoCompromisoDto(e.Fecha, e.Accion, e.Version, e.Estado, e.Motivo, e.Autor, e.Cuotas.Select(Cuotas.Dto).ToList())).ToList());
        }).ToList();
    }
}

/// <summary>Runs the daily evaluation now (what the job does at dawn), for the caller's company.</summary>
public sealed record EvaluarCompromisos : IRequest<int>;

public sealed class EvaluarCompromisosHandler(EvaluadorCompromisos evaluador) : IRequestHandler<EvaluarCompromisos, int>
{
    public async ValueTask<int> Handle(EvaluarCompromisos request, CancellationToken cancellationToken) => await evaluador.EvaluarPendientesAsync(cancellationToken);
}
