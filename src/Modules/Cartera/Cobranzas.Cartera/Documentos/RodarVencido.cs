using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tiempo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Cartera.Documentos;

/// <summary>
/// Moves the date up to which <c>cartera.saldos_clientes.vencido</c> counts overdue installments to today (all companies share
/// the business date of Santiago). The list by overdue debt is exact without it; it keeps the range it adds to one day.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RodarVencidoJob(IServiceScopeFactory ambitos, TimeProvider reloj, ILogger<RodarVencidoJob> log) : IJob
{
    public static readonly JobKey Clave = new("rodar-vencido", "cartera");

    /// <summary>Just after midnight in Santiago, when yesterday's due installments become overdue.</summary>
    public const string Horario = "5 0 0 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var hoy = await EjecutarAsync(cancellationToken);
        log.LogInformation("Vencido por cliente al {Hoy:yyyy-MM-dd} (disparo {Disparo:O})", hoy, context.ScheduledFireTimeUtc);
    }

    public async Task<DateOnly> EjecutarAsync(CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        await using var ambito = ambitos.CreateAsyncScope();
        var db = ambito.ServiceProvider.GetRequiredService<CarteraDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlAsync($"SELECT cartera.rodar_vencido({hoy})", ct);
        return hoy;
    }
}
