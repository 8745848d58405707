using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Cartera.Credito;

/// <summary>Daily credit control of every company that has a portfolio (each company in its own scope).</summary>
[DisallowConcurrentExecution]
public sealed class ControlCreditoJob(IServiceScopeFactory ambitos) : IJob
{
    public static readonly JobKey Clave = new("control-credito", "cartera");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await EjecutarAsync(cancellationToken);

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
            EstablecerEmpresa(ambito.ServiceProvider.GetRequiredService<IContextoSolicitud>(), empresa);
            cambios += await ambito.ServiceProvider.GetRequiredService<ControlCredito>().AplicarATodosAsync(ct);
        }

        return cambios;
    }

    // The host's request context is set explicitly for background work (Establecer), but its type lives in the
    // platform project, which a module does not reference; a shared-kernel interface for it would remove this.
    private static void EstablecerEmpresa(IContextoSolicitud contexto, Guid empresa) =>
        (contexto.GetType().GetMethod("Establecer") ?? throw new InvalidOperationException("El contexto de solicitud no admite fijar la empresa."))
            .Invoke(contexto, [empresa, "sistema: control de crédito", null]);
}
