using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.Webhooks;

public sealed record SuscripcionWebhookDto(
    Guid Id, string Url, string? Descripcion, IReadOnlyList<string> Eventos, bool Activa, int FallosConsecutivos, DateTimeOffset? DesactivadaAutomaticamente,
    DateTimeOffset Creada);

/// <summary>The subscription with its signing secret: answered only when it is created and when the secret is rotated.</summary>
public sealed record SuscripcionConSecretoDto(SuscripcionWebhookDto Suscripcion, string Secreto);

public sealed record TipoEventoDto(string Tipo, string Descripcion);

public sealed record DatosSuscripcionWebhook(string Url, string? Descripcion, IReadOnlyList<string> Eventos, bool? Activa);

public sealed class ReglasSuscripcionWebhook : AbstractValidator<DatosSuscripcionWebhook>
{
    public ReglasSuscripcionWebhook()
    {
        RuleFor(x => x.Url).NotEmpty().WithMessage("Indique la URL del receptor.").MaximumLength(LargosWebhooks.Url)
            .Must(u => DestinosWebhook.ErrorForma(u) is null).WithMessage(x => DestinosWebhook.ErrorForma(x.Url) ?? "");
        RuleFor(x => x.Descripcion).MaximumLength(LargosWebhooks.Descripcion);
        RuleFor(x => x.Eventos).NotEmpty().WithMessage("Elija al menos un evento.");
        RuleForEach(x => x.Eventos).NotEmpty().Must(e => TiposEventoNegocio.Todos.Contains(e))
            .WithMessage((_, e) => $"El evento «{e}» no existe; los eventos son {string.Join(", ", TiposEventoNegocio.Todos)}.");
    }
}

public sealed record ListarTiposEventoWebhook : IRequest<IReadOnlyList<TipoEventoDto>>
{
    public static readonly IReadOnlyDictionary<string, string> Descripciones = new Dictionary<string, string>
    {
        [TiposEventoNegocio.DocumentoCreado] = "Se registró un documento (uno a uno, por lote o importación).",
        [TiposEventoNegocio.DocumentoPagado] = "Un documento quedó con saldo cero por pagos aplicados.",
        [TiposEventoNegocio.DocumentoAnulado] = "Se anuló un documento.",
        [TiposEventoNegocio.PagoRegistrado] = "Se registró un pago.",
        [TiposEventoNegocio.PagoReversado] = "Se reversó un pago.",
        [TiposEventoNegocio.CompromisoCreado] = "Se registró un compromiso de pago.",
        [TiposEventoNegocio.CompromisoIncumplido] = "Un compromiso de pago venció sin cumplirse.",
        [TiposEventoNegocio.DisputaAbierta] = "Se abrió una disputa sobre documentos.",
        [TiposEventoNegocio.ClienteCreado] = "Se creó un cliente.",
        [TiposEventoNegocio.ClienteSuspendido] = "El crédito de un cliente quedó suspendido.",
        [TiposEventoNegocio.NotificacionRebotada] = "Un correo de cobranza rebotó.",
        [TiposEventoNegocio.NotaDebitoSolicitada] = "Se pidió al ERP emitir una nota de débito por cargos de mora (interés, comisión o gastos de cobranza).",
    };

    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/integraciones/webhooks/eventos", async Task<Ok<IReadOnlyList<TipoEventoDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarTiposEventoWebhook(), ct)))
        .WithName("ListarTiposEventoWebhook");
}

public sealed record ListarSuscripcionesWebhook : IRequest<IReadOnlyList<SuscripcionWebhookDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/integraciones/webhooks", async Task<Ok<IReadOnlyList<SuscripcionWebhookDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarSuscripcionesWebhook(), ct)))
        .WithName("ListarSuscripcionesWebhook");
}

public sealed record CrearSuscripcionWebhook(DatosSuscripcionWebhook Cuerpo) : IRequest<SuscripcionConSecretoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/integraciones/webhooks", async Task<Created<SuscripcionConSecretoDto>> (DatosSuscripcionWebhook body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new CrearSuscripcionWebhook(body), ct);
            return TypedResults.Created($"/api/v1/integraciones/webhooks/{r.Suscripcion.Id}", r);
        })
        .WithName("CrearSuscripcionWebhook").WithDescription("El secreto de firma se muestra solo en esta respuesta (y al rotarlo).")
        .ProducesValidationProblem().ProducesProblem(422);
}

public sealed class CrearSuscripcionWebhookValidator : AbstractValidator<CrearSuscripcionWebhook>
{
    public CrearSuscripcionWebhookValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasSuscripcionWebhook());
}

public sealed record ObtenerSuscripcionWebhook(Guid Id) : IRequest<SuscripcionWebhookDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapGet("/integraciones/webhooks/{id:guid}", async Task<Ok<SuscripcionWebhookDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerSuscripcionWebhook(id), ct)))
        .WithName("ObtenerSuscripcionWebhook").ProducesProblem(404);
}

public sealed record ActualizarSuscripcionWebhook(Guid Id, DatosSuscripcionWebhook Cuerpo) : IRequest<SuscripcionWebhookDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/integraciones/webhooks/{id:guid}", async Task<Ok<SuscripcionWebhookDto>> (Guid id, DatosSuscripcionWebhook body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarSuscripcionWebhook(id, body), ct)))
        .WithName("ActualizarSuscripcionWebhook").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ActualizarSuscripcionWebhookValidator : AbstractValidator<ActualizarSuscripcionWebhook>
{
    public ActualizarSuscripcionWebhookValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasSuscripcionWebhook());
}

public sealed record EliminarSuscripcionWebhook(Guid Id) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapDelete("/integraciones/webhooks/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarSuscripcionWebhook(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarSuscripcionWebhook").ProducesProblem(404);
}

public sealed record RotarSecretoWebhook(Guid Id) : IRequest<SuscripcionConSecretoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/integraciones/webhooks/{id:guid}/rotar-secreto", async Task<Ok<SuscripcionConSecretoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RotarSecretoWebhook(id), ct)))
        .WithName("RotarSecretoWebhook").WithDescription("Reemplaza el secreto de firma; el nuevo se muestra solo en esta respuesta.").ProducesProblem(404);
}

/// <summary>
/// Subscriptions. The secret is generated here, protected with Data Protection before it is stored, and answered once; the URL
/// is checked against SSRF when it is saved (and again by the sender at every connection).
/// </summary>
public sealed class SuscripcionesWebhookHandler(IntegracionesDbContext db, DestinosWebhook destinos, IDataProtectionProvider proteccion, TimeProvider reloj)
    : IRequestHandler<ListarTiposEventoWebhook, IReadOnlyList<TipoEventoDto>>, IRequestHandler<ListarSuscripcionesWebhook, IReadOnlyList<SuscripcionWebhookDto>>,
        IRequestHandler<CrearSuscripcionWebhook, SuscripcionConSecretoDto>, IRequestHandler<ObtenerSuscripcionWebhook, SuscripcionWebhookDto>,
        IRequestHandler<ActualizarSuscripcionWebhook, SuscripcionWebhookDto>, IRequestHandler<EliminarSuscripcionWebhook>,
        IRequestHandler<RotarSecretoWebhook, SuscripcionConSecretoDto>
{
    public ValueTask<IReadOnlyList<TipoEventoDto>> Handle(ListarTiposEventoWebhook request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TipoEventoDto>>(TiposEventoNegocio.Todos.Select(t => new TipoEventoDto(t, ListarTiposEventoWebhook.Descripciones[t])).ToList());

    public async ValueTask<IReadOnlyList<SuscripcionWebhookDto>> Handle(ListarSuscripcionesWebhook request, CancellationToken cancellationToken) =>
        (await db.Set<SuscripcionWebhook>().AsNoTracking().OrderBy(s => s.Creada).ThenBy(s => s.Id).ToListAsync(cancellationToken)).Select(Dto).ToList();

    public async ValueTask<SuscripcionConSecretoDto> Handle(CrearSuscripcionWebhook request, CancellationToken cancellationToken)
    {
        await ValidarDestinoAsync(request.Cuerpo.Url, cancellationToken);
        var secreto = FirmaWebhook.NuevoSecreto();
        var s = new SuscripcionWebhook { Url = "", SecretoProtegido = Proteger(secreto), Creada = reloj.GetUtcNow() };
        Copiar(s, request.Cuerpo);
        db.Add(s);
        await db.SaveChangesAsync(cancellationToken);
        return new SuscripcionConSecretoDto(Dto(s), secreto);
    }

    public async ValueTask<SuscripcionWebhookDto> Handle(ObtenerSuscripcionWebhook request, CancellationToken cancellationToken) =>
        Dto(await CargarAsync(request.Id, cancellationToken));

    public async ValueTask<SuscripcionWebhookDto> Handle(ActualizarSuscripcionWebhook request, CancellationToken cancellationToken)
    {
        var s = await CargarAsync(request.Id, cancellationToken);
        if (request.Cuerpo.Url.Trim() != s.Url || request.Cuerpo.Activa == true && !s.Activa)
            await ValidarDestinoAsync(request.Cuerpo.Url, cancellationToken);
        var reactivada = request.Cuerpo.Activa == true && !s.Activa;
        Copiar(s, request.Cuerpo);
        if (reactivada)
        {
            s.FallosConsecutivos = 0;
            s.FallandoDesde = null;
            s.DesactivadaAutomaticamente = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Dto(s);
    }

    public async ValueTask<Unit> Handle(EliminarSuscripcionWebhook request, CancellationToken cancellationToken)
    {
        var s = await CargarAsync(request.Id, cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var entregas = db.Set<EntregaWebhook>().Where(e => e.SuscripcionId == s.Id);
        await db.Set<IntentoWebhook>().Where(i => entregas.Any(e => e.Id == i.EntregaId)).ExecuteDeleteAsync(cancellationToken);
        await entregas.ExecuteDeleteAsync(cancellationToken);
        db.Remove(s);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<SuscripcionConSecretoDto> Handle(RotarSecretoWebhook request, CancellationToken cancellationToken)
    {
        var s = await CargarAsync(request.Id, cancellationToken);
        var secreto = FirmaWebhook.NuevoSecreto();
        s.SecretoProtegido = Proteger(secreto);
        await db.SaveChangesAsync(cancellationToken);
        return new SuscripcionConSecretoDto(Dto(s), secreto);
    }

    private async Task ValidarDestinoAsync(string url, CancellationToken ct)
    {
        if (await destinos.ErrorDestinoAsync(url.Trim(), ct) is { } error)
            throw new ReglaNegocioException("url", "destino_no_permitido", error);
    }

    private string Proteger(string secreto) => proteccion.CreateProtector(DrenadorWebhooks.PropositoSecreto).Protect(secreto);

    private async Task<SuscripcionWebhook> CargarAsync(Guid id, CancellationToken ct) =>
        await db.Set<SuscripcionWebhook>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NoEncontradoException("Suscripción de webhook", id);

    private static void Copiar(SuscripcionWebhook s, DatosSuscripcionWebhook d)
    {
        s.Url = d.Url.Trim();
        s.Descripcion = string.IsNullOrWhiteSpace(d.Descripcion) ? null : d.Descripcion.Trim();
        s.Eventos = d.Eventos.Distinct().OrderBy(e => e, StringComparer.Ordinal).ToList();
        s.Activa = d.Activa ?? s.Activa;
    }

    internal static SuscripcionWebhookDto Dto(SuscripcionWebhook s) =>
        new(s.Id, s.Url, s.Descripcion, s.Eventos, s.Activa, s.FallosConsecutivos, s.DesactivadaAutomaticamente, s.Creada);
}
