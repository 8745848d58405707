using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>
/// One row per pending installment of a pending promise whose date falls in the range: a promise in several installments
/// gives one row per installment (same <see cref="CompromisoPendiente.CompromisoId"/>), each with what is still owed on it.
/// Promises are taken in CLP.
/// </summary>
public sealed class CompromisosPendientesHandler(GestionDbContext db) : IRequestHandler<CompromisosPendientes, IReadOnlyList<CompromisoPendiente>>
{
    public async ValueTask<IReadOnlyList<CompromisoPendiente>> Handle(CompromisosPendientes request, CancellationToken cancellationToken)
    {
        if (request.ClienteIds is { Count: 0 } || request.Hasta < request.Desde)
            return [];
        var q = db.Set<Compromiso>().AsNoTracking().Where(c => c.Estado == EstadosCompromiso.Pendiente);
        if (request.ClienteIds is { } ids)
        {
            var lista = ids.ToList();
            q = q.Where(c => lista.Contains(c.ClienteId));
        }

        var compromisos = await q.Select(c => new { c.Id, c.ClienteId, c.CobradorId, c.Cuotas }).ToListAsync(cancellationToken);
        return compromisos
            .SelectMany(c => c.Cuotas
                .Where(x => x.Estado == EstadosCompromiso.Pendiente && x.Fecha >= request.Desde && x.Fecha <= request.Hasta && x.Monto > x.MontoCumplido)
                .Select(x => new CompromisoPendiente(c.Id, c.ClienteId, c.CobradorId, x.Fecha, "CLP", x.Monto - x.MontoCumplido)))
            .OrderBy(x => x.Fecha).ThenBy(x => x.ClienteId).ThenBy(x => x.CompromisoId)
            .ToList();
    }
}
