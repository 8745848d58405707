using Cobranzas.Integraciones.Persistencia;
using Cobranzas.Integraciones.Proveedores;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Integraciones.EnlacesPago;

/// <summary>
/// Asks the providers about the active links a notification may have missed (the provider gave up, or its status call failed),
/// and about links expired in the last days: the provider's status, not the notification, decides. Each link in its company.
/// </summary>
public sealed class RevisionEnlaces(IntegracionesDbContext db, IServiceScopeFactory ambitos, TimeProvider reloj, ILogger<RevisionEnlaces> log)
{
    public const string Actor = "sistema: revisión de enlaces de pago";
    private const int PorRevision = 500;

    public async Task<int> RevisarAsync(CancellationToken ct)
    {
        var ahora = reloj.GetUtcNow();
        var desde = ahora.AddDays(-3);
        var pendientes = await db.Set<EnlacePago>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.IdExterno != null && (e.Estado == EstadosEnlace.Activo || (e.Estado == EstadosEnlace.Expirado && e.Expira > desde)))
            .OrderBy(e => e.UltimaConsulta ?? e.Creado)
            .Select(e => new { e.Id, e.EmpresaId, e.IdExterno })
            .Take(PorRevision)
            .ToListAsync(ct);
        var confirmados = 0;
        foreach (var p in pendientes)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(p.EmpresaId, Actor);
            var dbEmpresa = ambito.ServiceProvider.GetRequiredService<IntegracionesDbContext>();
            var enlace = await dbEmpresa.Set<EnlacePago>().Include(e => e.Documentos).SingleAsync(e => e.Id == p.Id, ct);
            var resultado = await ambito.ServiceProvider.GetRequiredService<ConfirmacionPagos>().ConfirmarAsync(enlace, p.IdExterno!, ct);
            if (ProyeccionEnlace.Vencer(enlace, ahora))
                await dbEmpresa.SaveChangesAsync(ct);
            if (resultado.Resultado is ResultadosNotificacion.Pagado)
                confirmados++;
            if (resultado.Reintentar)
                log.LogWarning("Enlace {Enlace}: {Detalle}", p.Id, resultado.Detalle);
        }

        return confirmados;
    }
}

public sealed class RevisarEnlacesPagoJob(IServiceScopeFactory ambitos, ILogger<RevisarEnlacesPagoJob> log) : IJob
{
    public static readonly JobKey Clave = new("revisar-enlaces-pago", "integraciones");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var ambito = ambitos.CreateAsyncScope();
        var confirmados = await ambito.ServiceProvider.GetRequiredService<RevisionEnlaces>().RevisarAsync(cancellationToken);
        if (confirmados > 0)
            log.LogInformation("Integraciones: {Confirmados} pagos confirmados por revisión de enlaces", confirmados);
    }
}
