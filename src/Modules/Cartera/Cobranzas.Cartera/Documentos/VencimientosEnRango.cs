using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

/// <summary>Gestión's calendar: the open installments due in a date range, one query over the open-installment index.</summary>
public sealed class VencimientosEnRangoHandler(CarteraDbContext db) : IRequestHandler<VencimientosEnRango, IReadOnlyList<VencimientoDocumento>>
{
    public async ValueTask<IReadOnlyList<VencimientoDocumento>> Handle(VencimientosEnRango request, CancellationToken cancellationToken)
    {
        var cuotas = db.Cuotas.AsNoTracking().Where(c => c.Saldo > 0 && c.Vigente && c.FechaVencimiento >= request.Desde && c.FechaVencimiento <= request.Hasta);
        if (request.ClienteIds is not null)
        {
            var ids = request.ClienteIds.ToArray();
            cuotas = cuotas.Where(c => ids.Contains(c.ClienteId));
        }

        var filas = cuotas
            .Join(db.Documentos, c => c.DocumentoId, d => d.Id, (c, d) => new { c.DocumentoId, c.ClienteId, d.Tipo, d.Folio, c.Numero, c.FechaVencimiento, c.Moneda, c.Saldo });
        if (request.Ordenados)
            filas = filas.OrderBy(x => x.FechaVencimiento).ThenBy(x => x.Folio).ThenBy(x => x.Numero);
        return await filas
            .Select(f => new VencimientoDocumento(f.DocumentoId, f.ClienteId, f.Tipo, f.Folio, f.Numero, f.FechaVencimiento, f.Moneda, f.Saldo))
            .ToListAsync(cancellationToken);
    }
}
