using Cobranzas.Cartera.Comun;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

public sealed class ObtenerSaldoClienteHandler(CarteraDbContext db, TimeProvider reloj) : IRequestHandler<ObtenerSaldoCliente, IReadOnlyList<SaldoClienteInfo>>
{
    public async ValueTask<IReadOnlyList<SaldoClienteInfo>> Handle(ObtenerSaldoCliente request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var vigentes = db.Documentos.Where(ReglasCartera.Vigente).Where(d => d.ClienteId == request.ClienteId);
        var deudas = await vigentes.Where(ReglasCartera.Debito)
            .SelectMany(d => d.Cuotas, (d, c) => new { d.Moneda, c.Saldo, Vencido = c.FechaVencimiento < hoy ? c.Saldo : 0 })
            .GroupBy(x => x.Moneda).Select(g => new { Moneda = g.Key, Saldo = g.Sum(x => x.Saldo), Vencido = g.Sum(x => x.Vencido) })
            .ToListAsync(cancellationToken);
        var notas = await vigentes.Where(ReglasCartera.NotaCredito)
            .GroupBy(d => d.Moneda).Select(g => new { Moneda = g.Key, Saldo = g.Sum(d => d.Saldo) }).ToListAsync(cancellationToken);
        var pagos = await db.Pagos.Where(p => p.ClienteId == request.ClienteId && (p.EstadoCheque == null || p.EstadoCheque == Cheques.Cobrado))
            .GroupBy(p => p.Moneda).Select(g => new { Moneda = g.Key, Saldo = g.Sum(p => p.Saldo) }).ToListAsync(cancellationToken);

        return deudas.Select(d => d.Moneda).Union(notas.Select(n => n.Moneda)).Union(pagos.Select(p => p.Moneda)).Order()
            .Select(m => new SaldoClienteInfo(
                request.ClienteId, m,
                deudas.Where(d => d.Moneda == m).Sum(d => d.Saldo),
                deudas.Where(d => d.Moneda == m).Sum(d => d.Vencido),
                notas.Where(n => n.Moneda == m).Sum(n => n.Saldo) + pagos.Where(p => p.Moneda == m).Sum(p => p.Saldo)))
            .ToList();
    }
}
