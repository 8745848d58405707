using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Disputas;

public sealed record AdjuntoDisputaDto(Guid Id, string Nombre, string TipoContenido, long Tamano, DateTimeOffset Subido, string SubidoPor);

public sealed record EventoDisputaDto(DateTimeOffset Fecha, string Estado, string? Notas, string Autor);

public sealed record DisputaDto(
    Guid Id, Guid ClienteId, IReadOnlyList<Guid> DocumentoIds, Guid MotivoId, string Motivo, string Estado, Guid? AsignadoAId, string? Notas, DateTimeOffset Creada,
    string CreadaPor, DateTimeOffset? Resuelta, string? Resolucion, IReadOnlyList<AdjuntoDisputaDto> Adjuntos, IReadOnlyList<EventoDisputaDto> Historial);

public sealed record DatosDisputa(Guid ClienteId, IReadOnlyList<Guid> DocumentoIds, Guid MotivoId, string? Notas, Guid? AsignadoAId);

public sealed record DatosEstadoDisputa(string Estado, string? Notas);

public sealed record DatosResolucionDisputas(IReadOnlyList<Guid> Ids, string Estado, string? Notas);

public sealed record AbrirDisputa(DatosDisputa Cuerpo) : IRequest<DisputaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/disputas", async Task<Created<DisputaDto>> (DatosDisputa body, IMediator m, CancellationToken ct) =>
        {
            var d = await m.Send(new AbrirDisputa(body), ct);
            return TypedResults.Created($"/api/v1/gestion/disputas/{d.Id}", d);
        })
        .WithName("AbrirDisputa").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class AbrirDisputaValidator : AbstractValidator<AbrirDisputa>
{
    public AbrirDisputaValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.ClienteId).NotEmpty().WithMessage("Indique el cliente.");
            c.RuleFor(x => x.MotivoId).NotEmpty().WithMessage("Indique el motivo.");
            c.RuleFor(x => x.DocumentoIds).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Indique al menos un documento.")
                .Must(d => d.Count <= 200).WithMessage("A lo más 200 documentos por disputa.")
                .Must(d => d.All(id => id != Guid.Empty)).WithMessage("Los documentos deben ser ids válidos.")
                .Must(d => d.Distinct().Count() == d.Count).WithMessage("Hay documentos repetidos.");
            c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
        });
}

public sealed class AbrirDisputaHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<AbrirDisputa, DisputaDto>
{
    public async ValueTask<DisputaDto> Handle(AbrirDisputa request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        await alcance.ClienteAsync(datos.ClienteId, cancellationToken);
        var documentos = (await mediator.Send(new BuscarDocumentos(datos.DocumentoIds), cancellationToken)).ToDictionary(d => d.Id);
        for (var i = 0; i < datos.DocumentoIds.Count; i++)
        {
            if (!documentos.TryGetValue(datos.DocumentoIds[i], out var d) || d.ClienteId != datos.ClienteId)
                throw new ReglaNegocioException($"documentoIds[{i}]", "documento_inexistente", "El documento no existe o es de otro cliente.");
        }

        var motivo = await db.Set<MotivoDisputa>().SingleOrDefaultAsync(m => m.Id == datos.MotivoId, cancellationToken)
            ?? throw new ReglaNegocioException("motivoId", "motivo_inexistente", "El motivo no existe.");
        if (!motivo.Activo)
            throw new ReglaNegocioException("motivoId", "motivo_inactivo", $"El motivo '{motivo.Nombre}' está desactivado.");
        Guid? asignado;
        if (datos.AsignadoAId is { } cobrador)
        {
            if (!await db.Cobradores.AnyAsync(c => c.Id == cobrador && c.Activo, cancellationToken))
                throw new ReglaNegocioException("asignadoAId", "cobrador_inexistente", "El cobrador asignado no existe o está inactivo.");
            asignado = cobrador;
        }
        else
            asignado = await db.Asignaciones.Where(a => a.ClienteId == datos.ClienteId).Select(a => (Guid?)a.CobradorId).SingleOrDefaultAsync(cancellationToken);

        var ahora = reloj.GetUtcNow();
        var disputa = new Disputa
        {
            ClienteId = datos.ClienteId, DocumentoIds = datos.DocumentoIds.ToList(), MotivoId = motivo.Id, AsignadoAId = asignado, Notas = datos.Notas?.Trim(),
            Creada = ahora, CreadaPor = contexto.Actor,
        };
        db.Add(disputa);
        db.Add(new EventoDisputa { DisputaId = disputa.Id, Fecha = ahora, Estado = disputa.Estado, Notas = disputa.Notas, Autor = contexto.Actor });
        foreach (var documento in disputa.DocumentoIds)
            db.Pausas.Add(new PausaEscalamiento { ClienteId = disputa.ClienteId, DocumentoId = documento, Motivo = MotivosPausa.Disputa, OrigenId = disputa.Id });
        var folios = string.Join(", ", disputa.DocumentoIds.Select(id => $"{documentos[id].Tipo} {documentos[id].Folio}"));
        db.Tareas.Add(new Tarea
        {
            ClienteId = disputa.ClienteId, CobradorId = asignado, Tipo = TiposTareaDisputa.Revisar, Origen = OrigenesTarea.Disputa, OrigenId = disputa.Id,
            Titulo = $"Revisar disputa: {motivo.Nombre}", Motivo = $"El cliente disputa {folios}.", Fecha = Cobranzas.SharedKernel.Tiempo.FechaNegocio.Hoy(reloj), Creada = ahora,
        });
        if (asignado is { } responsable)
            Alertas.Notificar(db, responsable, $"Disputa asignada: {motivo.Nombre}", $"El cliente disputa {folios}.", $"/clientes/{disputa.ClienteId}");
        await db.SaveChangesAsync(cancellationToken);
        var dto = (await ProyeccionDisputa.CargarAsync(db, [disputa.Id], cancellationToken)).Single();
        await mediator.Publish(EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.DisputaAbierta, disputa.Id, dto, ahora), cancellationToken);
        return dto;
    }
}

public sealed record ListarDisputas(Guid? ClienteId, string? Estado, Guid? AsignadoAId) : IRequest<IReadOnlyList<DisputaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/disputas", async Task<Ok<IReadOnlyList<DisputaDto>>> ([AsParameters] ListarDisputas q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarDisputas").ProducesValidationProblem();
}

public sealed class ListarDisputasValidator : AbstractValidator<ListarDisputas>
{
    public ListarDisputasValidator() =>
        RuleFor(x => x.Estado).Must(e => EstadosDisputa.Todos.Contains(e)).WithMessage($"El estado debe ser uno de: {string.Join(", ", EstadosDisputa.Todos)}.").When(x => x.Estado is not null);
}

public sealed class ListarDisputasHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ListarDisputas, IReadOnlyList<DisputaDto>>
{
    public async ValueTask<IReadOnlyList<DisputaDto>> Handle(ListarDisputas request, CancellationToken cancellationToken)
    {
        var q = db.Set<Disputa>().AsNoTracking();
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(d => visibles.Contains(d.ClienteId));
        if (request.ClienteId is { } cliente)
            q = q.Where(d => d.ClienteId == cliente);
        if (request.Estado is { } estado)
            q = q.Where(d => d.Estado == estado);
        if (request.AsignadoAId is { } asignado)
            q = q.Where(d => d.AsignadoAId == asignado);
        var ids = await q.OrderByDescending(d => d.Creada).Take(500).Select(d => d.Id).ToListAsync(cancellationToken);
        return await ProyeccionDisputa.CargarAsync(db, ids, cancellationToken);
    }
}

public sealed record ObtenerDisputa(Guid Id) : IRequest<DisputaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/disputas/{id:guid}", async Task<Ok<DisputaDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerDisputa(id), ct)))
        .WithName("ObtenerDisputa").ProducesProblem(404);
}

public sealed class ObtenerDisputaHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ObtenerDisputa, DisputaDto>
{
    public async ValueTask<DisputaDto> Handle(ObtenerDisputa request, CancellationToken cancellationToken)
    {
        await ProyeccionDisputa.VisibleAsync(db, alcance, request.Id, cancellationToken);
        return (await ProyeccionDisputa.CargarAsync(db, [request.Id], cancellationToken)).Single();
    }
}

public sealed record CambiarEstadoDisputa(Guid Id, DatosEstadoDisputa Cuerpo) : IRequest<DisputaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/disputas/{id:guid}/estado", async Task<Ok<DisputaDto>> (Guid id, DatosEstadoDisputa body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CambiarEstadoDisputa(id, body), ct)))
        .WithName("CambiarEstadoDisputa").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CambiarEstadoDisputaValidator : AbstractValidator<CambiarEstadoDisputa>
{
    public CambiarEstadoDisputaValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Estado).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Indique el estado.")
                .Must(e => e is EstadosDisputa.EnRevision || EstadosDisputa.Resuelta(e)).WithMessage("El estado debe ser en_revision, resuelta_cliente o resuelta_empresa.");
            c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
        });
}

public sealed class CambiarEstadoDisputaHandler(GestionDbContext db, AlcanceGestion alcance, TransicionesDisputa transiciones) : IRequestHandler<CambiarEstadoDisputa, DisputaDto>
{
    public async ValueTask<DisputaDto> Handle(CambiarEstadoDisputa request, CancellationToken cancellationToken)
    {
        var disputa = await ProyeccionDisputa.VisibleAsync(db, alcance, request.Id, cancellationToken);
        await transiciones.CambiarAsync([disputa], request.Cuerpo.Estado, request.Cuerpo.Notas?.Trim(), "id", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await ProyeccionDisputa.CargarAsync(db, [disputa.Id], cancellationToken)).Single();
    }
}

public sealed record ResolverDisputas(DatosResolucionDisputas Cuerpo) : IRequest<IReadOnlyList<DisputaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/disputas/resolver", async Task<Ok<IReadOnlyList<DisputaDto>>> (DatosResolucionDisputas body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ResolverDisputas(body), ct)))
        .WithName("ResolverDisputas").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ResolverDisputasValidator : AbstractValidator<ResolverDisputas>
{
    public ResolverDisputasValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Ids).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Indique al menos una disputa.").Must(i => i.Count <= 500).WithMessage("A lo más 500 disputas por vez.")
                .Must(i => i.Distinct().Count() == i.Count).WithMessage("Hay disputas repetidas.");
            c.RuleFor(x => x.Estado).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Indique el estado.")
                .Must(EstadosDisputa.Resuelta).WithMessage("El estado debe ser resuelta_cliente o resuelta_empresa.");
            c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
        });
}

/// <summary>All or nothing: every dispute must be visible and unresolved, and one SaveChanges resolves them together.</summary>
public sealed class ResolverDisputasHandler(GestionDbContext db, AlcanceGestion alcance, TransicionesDisputa transiciones) : IRequestHandler<ResolverDisputas, IReadOnlyList<DisputaDto>>
{
    public async ValueTask<IReadOnlyList<DisputaDto>> Handle(ResolverDisputas request, CancellationToken cancellationToken)
    {
        var ids = request.Cuerpo.Ids.ToList();
        var q = db.Set<Disputa>().Where(d => ids.Contains(d.Id));
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(d => visibles.Contains(d.ClienteId));
        var disputas = await q.ToDictionaryAsync(d => d.Id, cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!disputas.ContainsKey(ids[i]))
                throw new ReglaNegocioException($"ids[{i}]", "disputa_inexistente", $"La disputa '{ids[i]}' no existe.");
        }

        await transiciones.CambiarAsync(ids.Select(id => disputas[id]).ToList(), request.Cuerpo.Estado, request.Cuerpo.Notas?.Trim(), "ids", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionDisputa.CargarAsync(db, ids, cancellationToken);
    }
}

/// <summary>abierta → en_revision → resuelta_*; resolving lifts the pauses of its documents and closes its review task.</summary>
public sealed class TransicionesDisputa(GestionDbContext db, IContextoSolicitud contexto, TimeProvider reloj)
{
    public async Task CambiarAsync(IReadOnlyList<Disputa> disputas, string estado, string? notas, string campo, CancellationToken ct)
    {
        for (var i = 0; i < disputas.Count; i++)
        {
            var d = disputas[i];
            var nombre = disputas.Count == 1 ? campo : $"{campo}[{i}]";
            if (EstadosDisputa.Resuelta(d.Estado) && d.Estado != estado)
                throw new ReglaNegocioException(nombre, "disputa_resuelta", $"La disputa ya está {d.Estado.Replace('_', ' ')}.");
        }

        // Resolving again as it was resolved is a no-op, so a retried request (or a bulk one overlapping another) succeeds.
        disputas = disputas.Where(d => !EstadosDisputa.Resuelta(d.Estado)).ToList();
        var ahora = reloj.GetUtcNow();
        var ids = disputas.Select(d => d.Id).ToList();
        if (EstadosDisputa.Resuelta(estado))
        {
            db.Pausas.RemoveRange(await db.Pausas.Where(p => p.Motivo == MotivosPausa.Disputa && ids.Contains(p.OrigenId)).ToListAsync(ct));
            foreach (var t in await db.Tareas.Where(t => t.Origen == OrigenesTarea.Disputa && t.OrigenId != null && ids.Contains(t.OrigenId.Value) && t.Estado == EstadosTarea.Pendiente).ToListAsync(ct))
            {
                t.Estado = EstadosTarea.Completada;
                t.Completada = ahora;
                t.CompletadaPor = contexto.Actor;
                t.Resultado = $"Disputa {estado.Replace('_', ' ')}";
            }
        }

        foreach (var d in disputas)
        {
            d.Estado = estado;
            if (EstadosDisputa.Resuelta(estado))
            {
                d.Resuelta = ahora;
                d.Resolucion = notas;
            }

            db.Add(new EventoDisputa { DisputaId = d.Id, Fecha = ahora, Estado = estado, Notas = notas, Autor = contexto.Actor });
        }
    }
}

public static class ProyeccionDisputa
{
    public static async Task<Disputa> VisibleAsync(GestionDbContext db, AlcanceGestion alcance, Guid id, CancellationToken ct)
    {
        var d = await db.Set<Disputa>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !await alcance.PuedeVerAsync(d.ClienteId, ct))
            throw new NoEncontradoException("Disputa", id);
        return d;
    }

    public static async Task<IReadOnlyList<DisputaDto>> CargarAsync(GestionDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var disputas = await db.Set<Disputa>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var motivos = await db.Set<MotivoDisputa>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Nombre, ct);
        var historial = (await db.Set<EventoDisputa>().AsNoTracking().Where(e => ids.Contains(e.DisputaId)).OrderBy(e => e.Fecha).ThenBy(e => e.Id).ToListAsync(ct)).ToLookup(e => e.DisputaId);
        var adjuntos = (await db.Set<AdjuntoDisputa>().AsNoTracking().Where(a => ids.Contains(a.DisputaId)).OrderBy(a => a.Subido).ToListAsync(ct)).ToLookup(a => a.DisputaId);
        return ids.Where(disputas.ContainsKey).Select(id =>
        {
            var d = disputas[id];
            return new DisputaDto(d.Id, d.ClienteId, d.DocumentoIds, d.MotivoId, motivos.GetValueOrDefault(d.MotivoId, ""), d.Estado, d.AsignadoAId, d.Notas, d.Creada, d.CreadaPor,
                d.Resuelta, d.Resolucion, adjuntos[id].Select(ProyeccionAdjunto.Dto).ToList(),
                historial[id].Select(e => new EventoDisputaDto(e.Fecha, e.Estado, e.Notas, e.Autor)).ToList());
        }).ToList();
    }
}
