using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Gestion.Trabajo;

/// <summary>
/// Alerts each collector of its pending tasks dated before today, at most once a day per collector (a second run the same
/// day, or on another replica, finds today's alert and adds none).
/// </summary>
public sealed class AvisoTareasAtrasadas(GestionDbContext db, TimeProvider reloj)
{
    public const string Titulo = "Tareas atrasadas";

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var inicioDia = new DateTimeOffset(hoy.ToDateTime(TimeOnly.MinValue), FechaNegocio.Santiago.GetUtcOffset(hoy.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var asignados = db.Asignaciones;
        var atrasadas = await db.Tareas.AsNoTracking()
            .Where(t => t.Estado == EstadosTarea.Pendiente && t.Fecha < hoy)
            .Select(t => t.CobradorId ?? asignados.Where(a => a.ClienteId == t.ClienteId).Select(a => (Guid?)a.CobradorId).FirstOrDefault())
            .Where(c => c != null)
            .GroupBy(c => c!.Value)
            .Select(g => new { Cobrador = g.Key, Cantidad = g.Count() })
            .ToListAsync(ct);
        var avisados = await db.Set<Alerta>().Where(a => a.Titulo == Titulo && a.Creada >= inicioDia && a.CobradorId != null).Select(a => a.CobradorId!.Value).ToListAsync(ct);
        var nuevas = 0;
        foreach (var a in atrasadas.Where(a => !avisados.Contains(a.Cobrador)))
        {
            Alertas.Notificar(db, a.Cobrador, Titulo, a.Cantidad == 1 ? "Tiene 1 tarea atrasada en Mi trabajo." : $"Tiene {a.Cantidad} tareas atrasadas en Mi trabajo.", "/gestion/mi-trabajo");
            nuevas++;
        }

        await db.SaveChangesAsync(ct);
        return nuevas;
    }
}

public sealed record AvisoTareasAtrasadasDto(int Alertas);

/// <summary>Runs today's overdue-task alerts for the caller's company now (the daily job does it at 08:00 in Santiago).</summary>
public sealed record AvisarTareasAtrasadas : IRequest<AvisoTareasAtrasadasDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/alertas/tareas-atrasadas", async Task<Ok<AvisoTareasAtrasadasDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AvisarTareasAtrasadas(), ct)))
        .WithName("AvisarTareasAtrasadas");
}

public sealed class AvisarTareasAtrasadasHandler(AvisoTareasAtrasadas aviso) : IRequestHandler<AvisarTareasAtrasadas, AvisoTareasAtrasadasDto>
{
    public async ValueTask<AvisoTareasAtrasadasDto> Handle(AvisarTareasAtrasadas request, CancellationToken cancellationToken) =>
        new(await aviso.EjecutarAsync(cancellationToken));
}

/// <summary>The daily run over every company with pending tasks, each in its own scope.</summary>
[DisallowConcurrentExecution]
public sealed class AvisoTareasAtrasadasJob(IServiceScopeFactory ambitos, ILogger<AvisoTareasAtrasadasJob> log) : IJob
{
    public static readonly JobKey Clave = new("tareas-atrasadas", "gestion");
    public const string HorarioPorOmision = "0 0 8 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var alertas = await EjecutarAsync(cancellationToken);
        log.LogInformation("Aviso de tareas atrasadas del disparo {Disparo:O}: {Alertas} alertas", context.ScheduledFireTimeUtc, alertas);
    }

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<GestionDbContext>();
            empresas = await db.Tareas.IgnoreQueryFilters().Where(t => t.Estado == EstadosTarea.Pendiente).Select(t => t.EmpresaId).Distinct().ToListAsync(ct);
        }

        var total = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: tareas atrasadas");
            total += await ambito.ServiceProvider.GetRequiredService<AvisoTareasAtrasadas>().EjecutarAsync(ct);
        }

        return total;
    }
}
