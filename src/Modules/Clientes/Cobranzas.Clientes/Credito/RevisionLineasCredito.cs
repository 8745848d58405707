using Cobranzas.Clientes.Persistencia;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Clientes.Credito;

/// <summary>
/// Daily: a credit line approved with a validity that lapses within <see cref="DiasAviso"/> days (and is still the
/// client's line) raises one review task for the client's collector in Gestión.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RevisionLineasCreditoJob(IServiceScopeFactory ambitos, ILogger<RevisionLineasCreditoJob> log) : IJob
{
    public const int DiasAviso = 30;
    public static readonly JobKey Clave = new("revision-lineas-credito", "clientes");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var tareas = await EjecutarAsync(cancellationToken);
        log.LogInformation("Revisión de líneas de crédito del disparo {Disparo:O}: {Tareas} tareas", context.ScheduledFireTimeUtc, tareas);
    }

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<ClientesDbContext>();
            empresas = await db.Set<SolicitudCredito>().IgnoreQueryFilters()
                .Where(s => s.Estado == EstadosSolicitudCredito.Aprobada && s.TareaRevisionId == null).Select(s => s.EmpresaId).Distinct().ToListAsync(ct);
        }

        var total = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: revisión de líneas de crédito");
            total += await RevisarAsync(ambito.ServiceProvider, ct);
        }

        return total;
    }

    private static async Task<int> RevisarAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<ClientesDbContext>();
        var mediator = sp.GetRequiredService<ISender>();
        var hoy = FechaNegocio.Hoy(sp.GetRequiredService<TimeProvider>());
        var limite = hoy.AddDays(DiasAviso);
        var porVencer = await db.Set<SolicitudCredito>()
            .Where(s => s.Estado == EstadosSolicitudCredito.Aprobada && s.TareaRevisionId == null && s.VigenteHasta != null && s.VigenteHasta <= limite)
            .Join(db.Clientes, s => s.ClienteId, c => c.Id, (s, c) => new { Solicitud = s, c.RazonSocial, c.Condiciones })
            .ToListAsync(ct);
        var n = 0;
        foreach (var x in porVencer)
        {
            var s = x.Solicitud;
            // A later line (or a limit changed by hand) replaced this one: nothing to review.
            if (x.Condiciones?.LimiteVigenteHasta != s.VigenteHasta)
            {
                s.TareaRevisionId = Guid.Empty;
                continue;
            }

            var vence = s.VigenteHasta!.Value;
            s.TareaRevisionId = await mediator.Send(new CrearTareaRevisionCredito(
                s.ClienteId, s.Id, $"Revisar línea de crédito de {x.RazonSocial}",
                $"La línea de {s.LimiteSolicitado:0.####} {s.Moneda} vence el {vence:dd-MM-yyyy}: evalúe renovarla con una nueva solicitud.", hoy), ct);
            n++;
        }

        await db.SaveChangesAsync(ct);
        return n;
    }
}
