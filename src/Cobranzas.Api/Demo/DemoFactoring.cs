using Cobranzas.Cartera;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Factoring;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RutChileno = Cobranzas.SharedKernel.Rut.Rut;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Factoring alive on first run, through the same requests as the API: a factor holding three ceded invoices of different
/// clients, two notified to the debtor and with recourse, one under administración delegada with a payment the company
/// collected and has not yet passed to the factor.
/// </summary>
internal sealed class DemoFactoring(IServiceProvider servicios, Guid empresaId, int semilla, ILogger log)
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
                    && d.FechaEmision <= hoy.AddDays(-20) && d.FechaVencimiento >= hoy.AddDays(-15))
                .Select(d => new { d.Id, d.ClienteId, d.Total, d.FechaEmision })
                .ToListAsync(ct))
            .GroupBy(d => d.ClienteId).OrderByDescending(g => g.Key).Take(3).Select(g => g.First()).ToList();
        if (candidatos.Count < 3)
        {
            log.LogWarning("Demo de factoring: no hay tres clientes con una factura intacta reciente; se omite");
            return;
        }

        var factor = new FactorDto("Factoring Andino S.A.", RutChileno.Desde(76_600_000 + semilla).Canonico);
        var fechaCesion = hoy.AddDays(-10);
        foreach (var c in candidatos)
            await mediator.Send(new CederDocumento(c.Id, new DatosCesion(factor, fechaCesion, null, "Cesión electrónica registrada en el SII")), ct);

        await mediator.Send(new RegistrarNotificacionCesion(candidatos[0].Id, new DatosNotificacionCesion(fechaCesion.AddDays(1), MediosNotificacion.Notario, "Certificado notarial N° 18.204")), ct);
        await mediator.Send(new RegistrarNotificacionCesion(candidatos[1].Id, new DatosNotificacionCesion(fechaCesion.AddDays(2), MediosNotificacion.RegistroSii, "Anotación en el Registro Público Electrónico de Transferencias")), ct);
        await mediator.Send(new CambiarCondicionesCesion(candidatos[0].Id, new DatosCondicionesCesion(true, false)), ct);
        await mediator.Send(new CambiarCondicionesCesion(candidatos[1].Id, new DatosCondicionesCesion(true, false)), ct);

        var delegado = candidatos[2];
        await mediator.Send(new CambiarCondicionesCesion(delegado.Id, new DatosCondicionesCesion(false, true)), ct);
        var abono = Math.Round(delegado.Total * 0.4m);
        await mediator.Send(new RegistrarPago(new DatosPago(delegado.ClienteId, null, hoy.AddDays(-2), abono, Monedas.Clp, "transferencia", "Abono cobrado para el factor",
            ModosAplicacion.Manual, [new DatosLineaAplicacion(delegado.Id, null, abono)])), ct);
    }
}
