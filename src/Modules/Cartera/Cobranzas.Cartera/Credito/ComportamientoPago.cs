using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Credito;

public sealed class ObtenerComportamientoPagoHandler(CarteraDbContext db, TimeProvider reloj)
    : IRequestHandler<ObtenerComportamientoPago, ComportamientoPago>, IRequestHandler<ObtenerValorUfHoy, decimal?>
{
    public async ValueTask<ComportamientoPago> Handle(ObtenerComportamientoPago request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var id = request.ClienteId;
        var pagado = await (from a in db.Aplicaciones
                            join d in db.Documentos on a.DocumentoId equals d.Id
                            where d.ClienteId == id && a.PagoId != null && a.FechaReversa == null && a.Fecha >= request.Desde
                            select new { a.Monto, Dias = a.Fecha.DayNumber - d.FechaVencimiento.DayNumber })
            .GroupBy(x => 1).Select(g => new { Monto = g.Sum(x => x.Monto), Ponderado = g.Sum(x => x.Monto * x.Dias) })
            .SingleOrDefaultAsync(cancellationToken);
        var protestos = await db.Documentos.CountAsync(d => d.ClienteId == id && d.FechaProtesto >= request.Desde, cancellationToken)
            + await db.Pagos.CountAsync(p => p.ClienteId == id && p.FechaProtesto >= request.Desde, cancellationToken);
        var primera = await db.Documentos.Where(d => d.ClienteId == id).MinAsync(d => (DateOnly?)d.FechaEmision, cancellationToken);
        var saldos = await db.Documentos.Where(ReglasCartera.EnCobranza).Where(d => d.ClienteId == id && d.Saldo > 0)
            .GroupBy(d => d.Moneda).Select(g => new { Moneda = g.Key, Saldo = g.Sum(d => d.Saldo) }).ToListAsync(cancellationToken);
        var (uf, dolar) = await ValoresMoneda.ValoresDelDia.UltimosAsync(db, hoy, cancellationToken);
        var exposicion = saldos.Sum(s => ReglasCartera.EnClp(s.Saldo, s.Moneda, uf, dolar) ?? 0);
        decimal? dias = pagado is { Monto: > 0 } p ? Math.Round(p.Ponderado / p.Monto, 1) : null;
        return new ComportamientoPago(id, dias, protestos, primera, exposicion, uf);
    }

    public async ValueTask<decimal?> Handle(ObtenerValorUfHoy request, CancellationToken cancellationToken) =>
        (await ValoresMoneda.ValoresDelDia.UltimosAsync(db, FechaNegocio.Hoy(reloj), cancellationToken)).Uf;
}
