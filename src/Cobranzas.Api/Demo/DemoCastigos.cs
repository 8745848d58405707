using Cobranzas.Cartera;
using Cobranzas.Cartera.Castigos;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Gestion.Judicial;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Demo;

/// <summary>
/// Write-offs alive on first run, through the same requests as the API: a client whose liquidation closed, with a proposal of its
/// oldest documents waiting for approval, and another client's document written off two months ago with a partial recovery since,
/// registered by hand, and a later transfer of the debtor that went to it as a recovery through the payment screen.
/// The clients are the next oldest debtors after the ones the judicial demo took.
/// </summary>
internal sealed class DemoCastigos(IServiceProvider servicios, Guid empresaId, ILogger log)
{
    public async Task CargarAsync(CancellationToken ct)
    {
        await using var scope = servicios.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresaId, "demo");
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var cartera = scope.ServiceProvider.GetRequiredService<CarteraDbContext>();
        var hoy = FechaNegocio.Hoy(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var morosos = await cartera.Documentos.AsNoTracking()
            .Where(d => d.Moneda == Monedas.Clp && d.Saldo > 0 && d.FechaAnulacion == null && d.FechaCastigo == null && d.FechaCesion == null && d.FechaVencimiento <= hoy.AddDays(-120))
            .GroupBy(d => d.ClienteId)
            .Select(g => new { ClienteId = g.Key, Antiguo = g.Min(d => d.FechaVencimiento) })
            .OrderBy(g => g.Antiguo).ThenBy(g => g.ClienteId)
            .Skip(3).Take(2).ToListAsync(ct);
        if (morosos.Count < 2)
        {
            log.LogWarning("Demo de castigos: no hay dos clientes más con deuda de más de 120 días; se omite");
            return;
        }

        try
        {
            var liquidado = morosos[0];
            var dias = hoy.DayNumber - liquidado.Antiguo.DayNumber;
            // The demo portfolio may be younger than the usual year: the rule is lowered to what it holds, as a company may configure.
            if (dias <= ConfiguracionCastigos.DiasMinimosPorOmision)
                await mediator.Send(new GuardarReglasCastigo(new ReglasCastigoDto(Math.Max(90, dias - 30), true)), ct);
            await mediator.Send(new RegistrarQuiebra(liquidado.ClienteId, new DatosQuiebra(ProcedimientosConcursales.Liquidacion, hoy.AddDays(-400), "Carolina Méndez Ruiz",
                hoy.AddDays(-370), null, hoy.AddDays(-5), "Liquidación terminada sin fondos para los acreedores valistas")), ct);
            var candidatos = await mediator.Send(new ListarCandidatosCastigo(liquidado.ClienteId), ct);
            var propuestos = candidatos.Documentos.Where(d => d.SaldoClp is not null).Take(10).Select(d => d.DocumentoId).ToList();
            if (propuestos.Count > 0)
                await mediator.Send(new CrearPropuestaCastigo(new DatosPropuestaCastigo(propuestos,
                    "Cliente liquidado: el procedimiento concursal cerró sin reparto")), ct);

            var castigado = await cartera.Documentos.AsNoTracking()
                .Where(d => d.ClienteId == morosos[1].ClienteId && d.Moneda == Monedas.Clp && d.Saldo > 0 && d.FechaCastigo == null && d.FechaCesion == null
                    && d.FechaAnulacion == null && d.Tipo == "33" && d.FechaEmision <= hoy.AddDays(-60))
                .OrderBy(d => d.FechaVencimiento).FirstOrDefaultAsync(ct);
            if (castigado is null)
                return;
            var doc = await mediator.Send(new CastigarDocumento(castigado.Id, new DatosCastigo(hoy.AddDays(-60), "Deudor sin bienes conocidos; cobranza judicial desistida")), ct);
            await mediator.Send(new RegistrarRecuperoCastigo(new DatosRecuperoCastigo(doc.Id, hoy.AddDays(-20), Math.Round(castigado.Saldo * 0.3m, 0), "Abono del deudor tras el castigo")),
                ct);
            var abono = Math.Round(castigado.Saldo * 0.2m, 0);
            if (abono > 0)
                await mediator.Send(new RegistrarPago(new DatosPago(castigado.ClienteId, null, hoy.AddDays(-6), abono, Monedas.Clp, "transferencia", "Transferencia abono castigado",
                    ModosAplicacion.Manual, [new DatosLineaAplicacion(doc.Id, null, abono)])), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The demo must open even if this part cannot be built on some data set.
            log.LogWarning(e, "Demo de castigos incompleta");
        }
    }
}
