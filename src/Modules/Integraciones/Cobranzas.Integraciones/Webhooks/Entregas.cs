using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.Webhooks;

public sealed record EntregaWebhookDto(
    Guid Id, Guid SuscripcionId, Guid EventoId, string Tipo, Guid EntidadId, string Estado, int Intentos, DateTimeOffset Creada, DateTimeOffset? ProximoIntento,
    DateTimeOffset? Entregada, int? UltimoCodigo, string? UltimoDetalle, int? UltimaDuracionMs);

public sealed record IntentoWebhookDto(int Numero, DateTimeOffset Momento, int? CodigoEstado, int DuracionMs, string? Respuesta, string? Error);

public sealed record DetalleEntregaWebhookDto(EntregaWebhookDto Entrega, string Cuerpo, IReadOnlyList<IntentoWebhookDto> Intentos);

public sealed record ListarEntregasWebhook(Guid Id, string? Estado, int? Pagina, int? TamanoPagina) : IRequest<Pagina<EntregaWebhookDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/integraciones/webhooks/{id:guid}/entregas", async Task<Ok<Pagina<EntregaWebhookDto>>> ([AsParameters] ListarEntregasWebhook q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarEntregasWebhook").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ListarEntregasWebhookValidator : AbstractValidator<ListarEntregasWebhook>
{
    public ListarEntregasWebhookValidator()
    {
        RuleFor(x => x.Estado).Must(e => e is null or EstadosEntrega.Pendiente or EstadosEntrega.Entregada or EstadosEntrega.Fallida)
            .WithMessage("El estado debe ser pendiente, entregada o fallida.");
        RuleFor(x => x.Pagina).GreaterThanOrEqualTo(1);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed record ObtenerEntregaWebhook(Guid Id) : IRequest<DetalleEntregaWebhookDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/integraciones/webhooks/entregas/{id:guid}", async Task<Ok<DetalleEntregaWebhookDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerEntregaWebhook(id), ct)))
        .WithName("ObtenerEntregaWebhook").ProducesProblem(404);
}

public sealed record ReenviarEntregaWebhook(Guid Id) : IRequest<DetalleEntregaWebhookDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/integraciones/webhooks/entregas/{id:guid}/reenviar", async Task<Ok<DetalleEntregaWebhookDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReenviarEntregaWebhook(id), ct)))
        .WithName("ReenviarEntregaWebhook").WithDescription("Envía ahora el mismo evento (mismo id y cuerpo, firma nueva) y responde la entrega con el intento.")
        .ProducesProblem(404).ProducesProblem(409);
}

public sealed record ProbarSuscripcionWebhook(Guid Id) : IRequest<DetalleEntregaWebhookDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/integraciones/webhooks/{id:guid}/prueba", async Task<Ok<DetalleEntregaWebhookDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ProbarSuscripcionWebhook(id), ct)))
        .WithName("ProbarSuscripcionWebhook").WithDescription("Envía ahora un evento webhook.prueba a esta suscripción y responde la entrega con el intento.")
        .ProducesProblem(404).ProducesProblem(409);
}

/// <summary>The delivery log, a manual replay and a test event; the last two send at once through the outbox's own sender.</summary>
public sealed class EntregasWebhookHandler(IntegracionesDbContext db, DrenadorWebhooks drenador, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ListarEntregasWebhook, Pagina<EntregaWebhookDto>>, IRequestHandler<ObtenerEntregaWebhook, DetalleEntregaWebhookDto>,
        IRequestHandler<ReenviarEntregaWebhook, DetalleEntregaWebhookDto>, IRequestHandler<ProbarSuscripcionWebhook, DetalleEntregaWebhookDto>
{
    public async ValueTask<Pagina<EntregaWebhookDto>> Handle(ListarEntregasWebhook request, CancellationToken cancellationToken)
    {
        if (!await db.Set<SuscripcionWebhook>().AnyAsync(s => s.Id == request.Id, cancellationToken))
            throw new NoEncontradoException("Suscripción de webhook", request.Id);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var q = db.Set<EntregaWebhook>().AsNoTracking().Where(e => e.SuscripcionId == request.Id && (request.Estado == null || e.Estado == request.Estado));
        var total = await q.CountAsync(cancellationToken);
        var filas = await q.OrderByDescending(e => e.Creada).ThenByDescending(e => e.Id).Skip(saltar).Take(tomar)
            .Select(e => new { e, Duracion = db.Set<IntentoWebhook>().Where(i => i.EntregaId == e.Id).OrderByDescending(i => i.Numero).Select(i => (int?)i.DuracionMs).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return new Pagina<EntregaWebhookDto>(filas.Select(f => Dto(f.e, f.Duracion)).ToList(), total, pagina, tamano);
    }

    public async ValueTask<DetalleEntregaWebhookDto> Handle(ObtenerEntregaWebhook request, CancellationToken cancellationToken) => await DetalleAsync(request.Id, cancellationToken);

    public async ValueTask<DetalleEntregaWebhookDto> Handle(ReenviarEntregaWebhook request, CancellationToken cancellationToken)
    {
        var entrega = await db.Set<EntregaWebhook>().SingleOrDefaultAsync(e => e.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Entrega de webhook", request.Id);
        await ActivaAsync(entrega.SuscripcionId, cancellationToken);
        // A replay is one more attempt now; a failed one keeps retrying with the backoff of its attempt count.
        var ahora = reloj.GetUtcNow();
        var filas = await db.Set<EntregaWebhook>().Where(e => e.Id == entrega.Id && (e.Estado != EstadosEntrega.Pendiente || e.ProximoIntento <= ahora || e.Intentos > 0))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Estado, EstadosEntrega.Pendiente).SetProperty(e => e.ProximoIntento, ahora)
                .SetProperty(e => e.Intentos, e => e.Intentos >= DrenadorWebhooks.IntentosMaximos ? DrenadorWebhooks.IntentosMaximos - 1 : e.Intentos), cancellationToken);
        if (filas == 0)
            throw new ConflictoException("id", "La entrega se está enviando en este momento.");
        await drenador.DrenarAsync(cancellationToken, entrega.Id);
        return await DetalleAsync(entrega.Id, cancellationToken);
    }

    public async ValueTask<DetalleEntregaWebhookDto> Handle(ProbarSuscripcionWebhook request, CancellationToken cancellationToken)
    {
        await ActivaAsync(request.Id, cancellationToken);
        var ahora = reloj.GetUtcNow();
        var evento = EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.Prueba, request.Id,
            new { mensaje = "Evento de prueba de Cobranzas: si puede verificar la firma, el receptor está listo.", suscripcionId = request.Id }, ahora);
        var id = (await AlPublicarEventoNegocio.EncolarAsync(db, evento, request.Id, ahora, cancellationToken)).Single();
        await drenador.DrenarAsync(cancellationToken, id);
        return await DetalleAsync(id, cancellationToken);
    }

    private async Task ActivaAsync(Guid suscripcionId, CancellationToken ct)
    {
        var activa = await db.Set<SuscripcionWebhook>().Where(s => s.Id == suscripcionId).Select(s => (bool?)s.Activa).SingleOrDefaultAsync(ct)
            ?? throw new NoEncontradoException("Suscripción de webhook", suscripcionId);
        if (!activa)
            throw new ConflictoException("id", "La suscripción está desactivada: actívela para enviarle eventos.");
    }

    private async Task<DetalleEntregaWebhookDto> DetalleAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Set<EntregaWebhook>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NoEncontradoException("Entrega de webhook", id);
        var intentos = await db.Set<IntentoWebhook>().AsNoTracking().Where(i => i.EntregaId == id).OrderBy(i => i.Numero).ThenBy(i => i.Momento)
            .Select(i => new IntentoWebhookDto(i.Numero, i.Momento, i.CodigoEstado, i.DuracionMs, i.Respuesta, i.Error)).ToListAsync(ct);
        return new DetalleEntregaWebhookDto(Dto(e, intentos.LastOrDefault()?.DuracionMs), e.Cuerpo, intentos);
    }

    private static EntregaWebhookDto Dto(EntregaWebhook e, int? duracion) =>
        new(e.Id, e.SuscripcionId, e.EventoId, e.Tipo, e.EntidadId, e.Estado, e.Intentos, e.Creada, e.Estado == EstadosEntrega.Pendiente ? e.ProximoIntento : null,
            e.Entregada, e.UltimoCodigo, e.UltimoDetalle, duracion);
}
