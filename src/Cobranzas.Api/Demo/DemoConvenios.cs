using Cobranzas.Cartera;
using Cobranzas.Cartera.Convenios;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Three convenios so the screens are alive on first run, all through the same requests as the API: one signed and vigente
/// (6 monthly installments with financing interest), one signed 60 days ago whose first installment is 45 days overdue and that
/// the compliance job breaks (reinstating the debt and leaving the collector a task), and one waiting for approval with half
/// the late interest waived. Each goes on a different client's untouched invoices.
/// </summary>
internal sealed class DemoConvenios(IServiceProvider servicios, Guid empresaId, ILogger log)
{
    public async Task CargarAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var db = scope.ServiceProvider.GetRequiredService<CarteraDbContext>();
        var hoy = FechaNegocio.Hoy(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var candidatos = (await db.Documentos.AsNoTracking()
                .Where(d => d.Tipo == "33" && d.Moneda == Monedas.Clp && d.Saldo == d.Total && d.FechaAnulacion == null && d.FechaCastigo == null && d.FechaCesion == null
                    && d.FechaEmision <= hoy.AddDays(-60))
                .Select(d => new { d.Id, d.ClienteId, d.FechaEmision })
                .ToListAsync(ct))
            .GroupBy(d => d.ClienteId).Where(g => g.Count() >= 2).OrderBy(g => g.Key).Take(3).ToList();
        if (candidatos.Count < 3)
        {
            log.LogWarning("Demo de convenios: no hay tres clientes con dos facturas intactas; se omite");
            return;
        }

        async Task<ConvenioDto> CrearAsync(int k, string tipo, decimal? condonacion, int cuotas, DateOnly primera, decimal? tasa, DateOnly? fecha, string notas) =>
            await mediator.Send(new CrearConvenio(new DatosConvenio(candidatos[k].Key, tipo, candidatos[k].Take(2).Select(d => d.Id).ToList(), condonacion, null, cuotas, primera,
                FrecuenciasConvenio.Mensual, tasa, fecha, null, notas)), ct);

        // The approval levels take a user's decision (the demo runs as no user): the demo records the approval as history.
        async Task AprobarYFirmarAsync(ConvenioDto c, DateOnly? fecha)
        {
            var convenio = await db.Set<Convenio>().SingleAsync(x => x.Id == c.Id, ct);
            convenio.Estado = EstadosConvenio.Aprobado;
            convenio.EstadoAprobacion = "aprobada";
            convenio.DecididoPor = "demo: jefatura de cobranza";
            convenio.FechaDecision = DateTimeOffset.UtcNow;
            convenio.ComentarioDecision = "Aprobado por jefatura de cobranza";
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await mediator.Send(new FirmarConvenio(c.Id, new DatosFirmaConvenio(fecha)), ct);
        }

        try
        {
            var vigente = await CrearAsync(0, TiposConvenio.PagoEnCuotas, null, 6, hoy.AddDays(20), 1.5m, null, "Acordado en reunión con el gerente de finanzas.");
            await AprobarYFirmarAsync(vigente, null);

            var antiguo = await CrearAsync(1, TiposConvenio.PagoEnCuotas, null, 3, hoy.AddDays(-45), null, hoy.AddDays(-60), "Convenio telefónico; el cliente no pagó la primera cuota.");
            await AprobarYFirmarAsync(antiguo, hoy.AddDays(-60));
            await scope.ServiceProvider.GetRequiredService<CumplimientoConvenios>().EjecutarAsync(ct);

            var pendiente = await CrearAsync(2, TiposConvenio.CondonacionIntereses, 50m, 4, hoy.AddDays(15), null, null, "Solicita condonar la mitad del interés de mora.");
            await mediator.Send(new SolicitarAprobacionConvenio(pendiente.Id), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The demo must open even if this part cannot be built on some data set.
            log.LogWarning(e, "Demo de convenios incompleta");
        }
    }
}
