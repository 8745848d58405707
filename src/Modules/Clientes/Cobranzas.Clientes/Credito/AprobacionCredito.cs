using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Credito;

/// <summary>
/// A credit request's approval settled: an approved line becomes the client's limit, valid for the request's months. The
/// segment's guarantee is checked again here (it may have lapsed since the request was sent): missing, the decision is refused.
/// </summary>
public sealed class AplicarAprobacionCredito(ClientesDbContext db, TimeProvider reloj) : INotificationHandler<AprobacionResuelta>
{
    public async ValueTask Handle(AprobacionResuelta notification, CancellationToken cancellationToken)
    {
        if (notification.Tipo != TiposAprobacion.Credito)
            return;
        var s = await db.Set<SolicitudCredito>().SingleOrDefaultAsync(x => x.Id == notification.SujetoId, cancellationToken);
        if (s is null || s.Estado != EstadosSolicitudCredito.EnAprobacion)
            return;
        var hoy = FechaNegocio.Hoy(reloj);
        s.Resuelta = reloj.GetUtcNow();
        if (notification.Estado == EstadosAprobacion.Rechazada)
        {
            s.Estado = EstadosSolicitudCredito.Rechazada;
            return;
        }

        await GarantiaCredito.ExigirAsync(db, s.ClienteId, hoy, cancellationToken);
        var cliente = await db.Clientes.SingleAsync(c => c.Id == s.ClienteId, cancellationToken);
        var condiciones = cliente.Condiciones ?? new CondicionesComerciales();
        condiciones.LimiteCredito = s.LimiteSolicitado;
        condiciones.MonedaLimite = s.Moneda;
        condiciones.PlazoPagoDias = s.PlazoDias;
        condiciones.LimiteVigenteHasta = hoy.AddMonths(s.VigenciaMeses);
        // A new instance: EF tracks a JSON-owned value by reference.
        cliente.Condiciones = new CondicionesComerciales
        {
            PlazoPagoDias = condiciones.PlazoPagoDias, DescuentoProntoPagoPorcentaje = condiciones.DescuentoProntoPagoPorcentaje, DiasProntoPago = condiciones.DiasProntoPago,
            TasaInteresMoraMensual = condiciones.TasaInteresMoraMensual, LimiteCredito = condiciones.LimiteCredito, MonedaLimite = condiciones.MonedaLimite,
            Garantias = condiciones.Garantias, LimiteVigenteHasta = condiciones.LimiteVigenteHasta,
        };
        cliente.Actualizado = reloj.GetUtcNow();
        s.Estado = EstadosSolicitudCredito.Aprobada;
        s.VigenteHasta = condiciones.LimiteVigenteHasta;
    }
}
