using System.Globalization;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Notificaciones.Definiciones;

/// <summary>What a run of a definition did: mails queued, clients skipped (a rule, no address, opted out) and those already sent today.</summary>
public sealed record ResultadoEjecucion(int Encolados, int Omitidos, int YaEnviados);

/// <summary>
/// Runs one definition of the caller's company now (<paramref name="Origen"/>: <see cref="OrigenesEnvio.Programado"/> from its trigger,
/// <see cref="OrigenesEnvio.Manual"/> from the API). Handled by the sending area (Envios).
/// </summary>
public sealed record EjecutarDefinicion(Guid DefinicionId, string Origen) : IRequest<ResultadoEjecucion>;

/// <summary>The schedule of a definition as a Quartz cron expression in America/Santiago (null: it has no schedule of its own).</summary>
public static class CronDefinicion
{
    private static readonly string[] Dias = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    public static string? Expresion(DefinicionNotificacion d)
    {
        if (d.Tipo == TiposDefinicion.Politica)
            return null;
        var hora = string.Create(CultureInfo.InvariantCulture, $"0 {d.Hora.Minute} {d.Hora.Hour}");
        return d.Frecuencia switch
        {
            FrecuenciasDefinicion.Semanal when d.DiasSemana.Count > 0 => $"{hora} ? * {string.Join(',', d.DiasSemana.Order().Select(x => Dias[x - 1]))}",
            FrecuenciasDefinicion.Mensual when d.DiaMes is { } dia => $"{hora} {(dia >= 31 ? "L" : dia.ToString(CultureInfo.InvariantCulture))} * ?",
            FrecuenciasDefinicion.Diaria => $"{hora} * * ?",
            _ => null,
        };
    }

    public static CronExpression? Cron(DefinicionNotificacion d) =>
        Expresion(d) is { } e ? new CronExpression(e, FechaNegocio.Santiago) : null;

    /// <summary>The next <paramref name="cuantas"/> fire times after <paramref name="desde"/> (UTC offsets as in Santiago).</summary>
    public static IReadOnlyList<DateTimeOffset> Proximas(DefinicionNotificacion d, DateTimeOffset desde, int cuantas)
    {
        var cron = Cron(d);
        var r = new List<DateTimeOffset>();
        for (var t = cron?.GetNextValidTimeAfter(desde); t is { } v && r.Count < cuantas; t = cron!.GetNextValidTimeAfter(v))
            r.Add(TimeZoneInfo.ConvertTime(v, FechaNegocio.Santiago));
        return r;
    }
}

/// <summary>(Re)schedules the trigger of one definition in the clustered Quartz store; with Quartz disabled (tests) it does nothing.</summary>
public sealed class ProgramadorDefiniciones(ISchedulerFactory fabrica, IConfiguration configuracion, ILogger<ProgramadorDefiniciones> log)
{
    public const string Grupo = "notificaciones";

    public static JobKey ClaveJob(Guid definicionId) => new($"definicion-{definicionId}", Grupo);

    public static TriggerKey ClaveTrigger(Guid definicionId) => new($"definicion-{definicionId}", Grupo);

    private bool Habilitado => configuracion.GetValue("Quartz:Habilitado", true);

    public async Task ProgramarAsync(DefinicionNotificacion d, CancellationToken ct)
    {
        if (!Habilitado)
            return;
        var programador = await fabrica.GetScheduler(ct);
        var expresion = d.Activa ? CronDefinicion.Expresion(d) : null;
        if (expresion is null)
        {
            await programador.DeleteJob(ClaveJob(d.Id), ct);
            return;
        }

        var job = JobBuilder.Create<DefinicionJob>().WithIdentity(ClaveJob(d.Id))
            .UsingJobData(DefinicionJob.Empresa, d.EmpresaId.ToString()).UsingJobData(DefinicionJob.Definicion, d.Id.ToString()).Build();
        var trigger = TriggerBuilder.Create().WithIdentity(ClaveTrigger(d.Id)).ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(expresion).InTimeZone(FechaNegocio.Santiago)).Build();
        await programador.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
        log.LogDebug("Definición {Definicion} programada con {Cron}", d.Id, expresion);
    }
}

/// <summary>
/// Fires the run of one definition in its company. Clustered, so one replica fires each trigger; a second run the same day finds
/// the outbox keys already taken.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DefinicionJob(IServiceScopeFactory ambitos, ILogger<DefinicionJob> log) : IJob
{
    public const string Empresa = "empresaId";
    public const string Definicion = "definicionId";
    public const string Actor = "sistema: notificaciones";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var datos = context.MergedJobDataMap;
        var r = await EjecutarAsync(Guid.Parse(datos.GetString(Empresa)!), Guid.Parse(datos.GetString(Definicion)!), cancellationToken);
        log.LogInformation("Definición {Definicion}: {Encolados} encolados, {Omitidos} omitidos, {YaEnviados} ya enviados",
            datos.GetString(Definicion), r.Encolados, r.Omitidos, r.YaEnviados);
    }

    public async Task<ResultadoEjecucion> EjecutarAsync(Guid empresaId, Guid definicionId, CancellationToken ct)
    {
        await using var ambito = ambitos.CreateAsyncScope();
        ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresaId, Actor);
        return await ambito.ServiceProvider.GetRequiredService<IMediator>().Send(new EjecutarDefinicion(definicionId, OrigenesEnvio.Programado), ct);
    }
}

/// <summary>At start-up, schedules every active definition again: the job store may be empty (a fresh database) or behind the table.</summary>
public sealed class RestaurarProgramacionDefiniciones(IServiceScopeFactory ambitos, ILogger<RestaurarProgramacionDefiniciones> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var ambito = ambitos.CreateAsyncScope();
            var db = ambito.ServiceProvider.GetRequiredService<NotificacionesDbContext>();
            var programador = ambito.ServiceProvider.GetRequiredService<ProgramadorDefiniciones>();
            var definiciones = await db.Definiciones.IgnoreQueryFilters().AsNoTracking().Where(d => d.Activa && d.Tipo != TiposDefinicion.Politica).ToListAsync(cancellationToken);
            foreach (var d in definiciones)
                await programador.ProgramarAsync(d, cancellationToken);
            log.LogInformation("{Cantidad} definiciones de notificación programadas", definiciones.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not migrated yet must not stop the host; the next change of a definition schedules it.
            log.LogError(e, "No se pudo restaurar la programación de las definiciones de notificación");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
