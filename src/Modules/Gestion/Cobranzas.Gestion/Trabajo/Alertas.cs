using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Trabajo;

/// <summary>An in-app notification for one user, or for whoever works as one collector (<see cref="CobradorId"/>).</summary>
public sealed class Alerta : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public string? UsuarioId { get; init; }
    public Guid? CobradorId { get; init; }
    public required string Titulo { get; init; }
    public string? Detalle { get; init; }

    /// <summary>The SPA path it opens (e.g. <c>/gestion/mi-trabajo</c>).</summary>
    public required string Enlace { get; init; }

    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset? Leida { get; set; }
}

public sealed class AlertaConfiguracion : IEntityTypeConfiguration<Alerta>
{
    public void Configure(EntityTypeBuilder<Alerta> e)
    {
        e.ToTable("alertas");
        e.HasIndex(x => new { x.EmpresaId, x.CobradorId, x.Creada });
        e.HasIndex(x => new { x.EmpresaId, x.UsuarioId, x.Creada });
        e.Property(x => x.UsuarioId).HasMaxLength(LargosGestion.UsuarioId);
        e.Property(x => x.Titulo).HasMaxLength(LargosGestion.Titulo);
        e.Property(x => x.Detalle).HasMaxLength(LargosGestion.Motivo);
        e.Property(x => x.Enlace).HasMaxLength(300);
        e.HasOne<Cobrador>().WithMany().HasForeignKey(x => x.CobradorId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// What other areas call to tell a collector something: the alert is only added to the context, so it is saved in the
/// caller's own <c>SaveChanges</c> together with the change it reports (both or neither).
/// </summary>
public static class Alertas
{
    public static Alerta Notificar(GestionDbContext db, Guid cobradorId, string titulo, string? detalle, string enlace) =>
        Agregar(db, new Alerta { CobradorId = cobradorId, Titulo = Recortar(titulo, LargosGestion.Titulo)!, Detalle = Recortar(detalle, LargosGestion.Motivo), Enlace = enlace, Creada = Ahora(db) });

    public static Alerta NotificarUsuario(GestionDbContext db, string usuarioId, string titulo, string? detalle, string enlace) =>
        Agregar(db, new Alerta { UsuarioId = usuarioId, Titulo = Recortar(titulo, LargosGestion.Titulo)!, Detalle = Recortar(detalle, LargosGestion.Motivo), Enlace = enlace, Creada = Ahora(db) });

    private static Alerta Agregar(GestionDbContext db, Alerta alerta)
    {
        db.Set<Alerta>().Add(alerta);
        return alerta;
    }

    // The context's own clock (the host's TimeProvider, fake in tests), so callers need pass nothing more than the context.
    private static DateTimeOffset Ahora(GestionDbContext db) =>
        (db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();

    private static string? Recortar(string? texto, int largo) => texto is null || texto.Length <= largo ? texto : texto[..largo];

    /// <summary>The alerts the signed-in user reads: its own and those of the collector it works as.</summary>
    internal static async Task<IQueryable<Alerta>> DelUsuarioAsync(GestionDbContext db, IContextoSolicitud contexto, AlcanceGestion alcance, CancellationToken ct)
    {
        var usuario = contexto.UsuarioId;
        var cobrador = await alcance.CobradorPropioAsync(ct);
        if (usuario is null)
            return db.Set<Alerta>().Where(a => false);
        return db.Set<Alerta>().Where(a => a.UsuarioId == usuario || (cobrador != null && a.CobradorId == cobrador));
    }
}

public sealed record AlertaDto(Guid Id, string Titulo, string? Detalle, string Enlace, DateTimeOffset Creada, bool Leida, Guid? CobradorId);

public sealed record AlertasDto(IReadOnlyList<AlertaDto> Items, int NoLeidas);

/// <summary>The caller's alerts, newest first (at most <c>limite</c>, 50 by default), with its unread count.</summary>
public sealed record ListarAlertas(bool? NoLeidas, int? Limite) : IRequest<AlertasDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/alertas", async Task<Ok<AlertasDto>> ([AsParameters] ListarAlertas q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarAlertas").ProducesValidationProblem();
}

public sealed class ListarAlertasValidator : AbstractValidator<ListarAlertas>
{
    public ListarAlertasValidator() => RuleFor(x => x.Limite).InclusiveBetween(1, 200).WithMessage("limite debe estar entre 1 y 200.");
}

public sealed record MarcarAlertaLeida(Guid Id) : IRequest<AlertaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/alertas/{id:guid}/leida", async Task<Ok<AlertaDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MarcarAlertaLeida(id), ct)))
        .WithName("MarcarAlertaLeida").ProducesProblem(404);
}

public sealed record MarcarAlertasLeidas : IRequest<AlertasLeidasDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/gestion/alertas/leidas", async Task<Ok<AlertasLeidasDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MarcarAlertasLeidas(), ct)))
        .WithName("MarcarAlertasLeidas");
}

public sealed record AlertasLeidasDto(int Marcadas);

public sealed class AlertasHandler(GestionDbContext db, IContextoSolicitud contexto, AlcanceGestion alcance, TimeProvider reloj)
    : IRequestHandler<ListarAlertas, AlertasDto>, IRequestHandler<MarcarAlertaLeida, AlertaDto>, IRequestHandler<MarcarAlertasLeidas, AlertasLeidasDto>
{
    public async ValueTask<AlertasDto> Handle(ListarAlertas request, CancellationToken cancellationToken)
    {
        var q = (await Alertas.DelUsuarioAsync(db, contexto, alcance, cancellationToken)).AsNoTracking();
        var noLeidas = await q.CountAsync(a => a.Leida == null, cancellationToken);
        if (request.NoLeidas == true)
            q = q.Where(a => a.Leida == null);
        var items = await q.OrderByDescending(a => a.Creada).ThenByDescending(a => a.Id).Take(request.Limite ?? 50).ToListAsync(cancellationToken);
        return new AlertasDto(items.Select(Dto).ToList(), noLeidas);
    }

    public async ValueTask<AlertaDto> Handle(MarcarAlertaLeida request, CancellationToken cancellationToken)
    {
        var alerta = await (await Alertas.DelUsuarioAsync(db, contexto, alcance, cancellationToken)).SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Alerta", request.Id);
        alerta.Leida ??= reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Dto(alerta);
    }

    public async ValueTask<AlertasLeidasDto> Handle(MarcarAlertasLeidas request, CancellationToken cancellationToken)
    {
        var ahora = reloj.GetUtcNow();
        var pendientes = await (await Alertas.DelUsuarioAsync(db, contexto, alcance, cancellationToken)).Where(a => a.Leida == null).ToListAsync(cancellationToken);
        foreach (var alerta in pendientes)
            alerta.Leida = ahora;
        await db.SaveChangesAsync(cancellationToken);
        return new AlertasLeidasDto(pendientes.Count);
    }

    private static AlertaDto Dto(Alerta a) => new(a.Id, a.Titulo, a.Detalle, a.Enlace, a.Creada, a.Leida is not null, a.CobradorId);
}
