using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Cartera.Reportes;

/// <summary>
/// Computes every company's home dashboard once at night, after the overdue roll, so the first request of the day does not:
/// the closed month-ends of its trend are stored in <c>cartera.cortes_mensuales</c> (shared by every replica) and the day's
/// whole-company parts kept in <see cref="HechosDelDia"/> (this replica's). At 100 000 clients with 4 000 000 paid documents
/// that first computation reads years of history and took 105 s under load (bench/README.md); a fact written later
/// invalidates only what it reaches, and the next request recomputes that. A company that fails is logged and skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PrepararTableroJob(IServiceScopeFactory ambitos, ILogger<PrepararTableroJob> log) : IJob
{
    public static readonly JobKey Clave = new("preparar-tablero", "cartera");

    /// <summary>00:15 in Santiago, after <see cref="Documentos.RodarVencidoJob"/> has moved the overdue date to the new day.</summary>
    public const string Horario = "0 15 0 * * ?";

    public const string Actor = "sistema: tablero del día";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var (preparadas, fallidas) = await EjecutarAsync(cancellationToken);
        log.LogInformation("Tablero del día preparado para {Preparadas} empresas ({Fallidas} con error)", preparadas, fallidas);
    }

    /// <summary>The companies with a portfolio (a row in the per-client balances), each in a scope of its own.</summary>
    public async Task<(int Preparadas, int Fallidas)> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            empresas = await ambito.ServiceProvider.GetRequiredService<CarteraDbContext>().Database
                .SqlQuery<Guid>($"SELECT DISTINCT empresa_id AS \"Value\" FROM cartera.saldos_clientes").ToListAsync(ct);
        }

        var fallidas = 0;
        foreach (var empresa in empresas)
        {
            try
            {
                await using var ambito = ambitos.CreateAsyncScope();
                ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, Actor);
                await ambito.ServiceProvider.GetRequiredService<IMediator>().Send(new ObtenerTablero(null, null, null, null, null), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                fallidas++;
                log.LogError(e, "No se pudo preparar el tablero del día de la empresa {Empresa}", empresa);
            }
        }

        return (empresas.Count - fallidas, fallidas);
    }
}
