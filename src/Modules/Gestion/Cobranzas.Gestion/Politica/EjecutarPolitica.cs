using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Gestion.Politica;

public sealed record EjecutarPoliticaCuerpo(bool Simular);

/// <summary>Runs the policy now for today's business date; with <c>simular</c> it only answers what it would do and writes nothing.</summary>
public sealed record EjecutarPoliticaCobranza(bool Simular) : IRequest<ResultadoEjecucionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/politica-cobranza/ejecutar",
            async Task<Ok<ResultadoEjecucionDto>> (EjecutarPoliticaCuerpo body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new EjecutarPoliticaCobranza(body.Simular), ct)))
        .WithName("EjecutarPoliticaCobranza").ProducesValidationProblem();
}

public sealed class EjecutarPoliticaCobranzaValidator : AbstractValidator<EjecutarPoliticaCobranza>;

public sealed class EjecutarPoliticaCobranzaHandler(MotorEscalamiento motor) : IRequestHandler<EjecutarPoliticaCobranza, ResultadoEjecucionDto>
{
    public async ValueTask<ResultadoEjecucionDto> Handle(EjecutarPoliticaCobranza request, CancellationToken cancellationToken) =>
        await motor.EjecutarAsync(request.Simular, cancellationToken);
}

/// <summary>
/// The daily escalation run of every company with a policy (each company in its own scope). Clustered like every job of the host:
/// one replica fires it; and should two ever run, the once-per-step key keeps each step single.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EscalamientoJob(IServiceScopeFactory ambitos, ILogger<EscalamientoJob> log) : IJob
{
    public static readonly JobKey Clave = new("escalamiento", "gestion");
    public const string Actor = "sistema: política de cobranza";
    public const string HorarioPorOmision = "0 0 7 * * ?";

    public static CronScheduleBuilder Horario(string cron = HorarioPorOmision) => CronScheduleBuilder.Create(cron).InTimeZone(FechaNegocio.Santiago);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var aplicados = await EjecutarAsync(cancellationToken);
        log.LogInformation("Escalamiento del disparo {Disparo:O} en {Instancia}: {Aplicados} pasos aplicados",
            context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, aplicados);
    }

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<Persistencia.GestionDbContext>();
            empresas = await db.Set<PasoPolitica>().IgnoreQueryFilters().Select(p => p.EmpresaId).Distinct().ToListAsync(ct);
        }

        var aplicados = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, Actor);
            try
            {
                var resultado = await ambito.ServiceProvider.GetRequiredService<MotorEscalamiento>().EjecutarAsync(false, ct);
                aplicados += resultado.PasosAplicados;
                if (!resultado.Habil)
                    log.LogInformation("Escalamiento de la empresa {Empresa}: día no hábil ({Motivo})", empresa, resultado.MotivoNoHabil);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One company's failure must not stop the others; its steps are retried on the next run.
                log.LogError(e, "Escalamiento de la empresa {Empresa} falló", empresa);
            }
        }

        return aplicados;
    }
}
