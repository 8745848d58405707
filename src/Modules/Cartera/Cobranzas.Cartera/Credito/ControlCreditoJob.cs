using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Cartera.Credito;

/// <summary>Daily credit control of every company that has a portfolio (each company in its own scope).</summary>
[DisallowConcurrentExecution]
public sealed class ControlCreditoJob(IServiceScopeFactory ambitos, ILogger<ControlCreditoJob> log) : IJob
{
    public static readonly JobKey Clave = new("control-credito", "cartera");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cambios = await EjecutarAsync(cancellationToken);
        // The scheduled time identifies the firing: build/replicas.sh checks that each one ran on a single replica.
        log.LogInformation("Control de crédito del disparo {Disparo:O} en {Instancia}: {Cambios} cambios",
            context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, cambios);
    }

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<CarteraDbContext>();
            empresas = await db.Documentos.IgnoreQueryFilters().Select(d => d.EmpresaId).Distinct().ToListAsync(ct);
        }

        var cambios = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: control de crédito");
            cambios += await ambito.ServiceProvider.GetRequiredService<ControlCredito>().AplicarATodosAsync(ct);
        }

        return cambios;
    }
}
