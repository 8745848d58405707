using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Judicial;

public sealed class SituacionJudicialClientesHandler(GestionDbContext db) : IRequestHandler<SituacionJudicialClientes, IReadOnlyList<SituacionJudicialCliente>>
{
    public async ValueTask<IReadOnlyList<SituacionJudicialCliente>> Handle(SituacionJudicialClientes request, CancellationToken cancellationToken)
    {
        var ids = request.ClienteIds;
        var juicios = await db.Set<Juicio>().AsNoTracking().Where(j => ids.Contains(j.ClienteId))
            .GroupBy(j => j.ClienteId)
            .Select(g => new
            {
                ClienteId = g.Key,
                Vigentes = g.Count(j => j.Estado == EstadosJuicio.Vigente),
                UltimoTermino = g.Max(j => j.FechaTermino),
            })
            .ToDictionaryAsync(x => x.ClienteId, cancellationToken);
        var quiebras = await db.Set<Quiebra>().AsNoTracking().Where(q => ids.Contains(q.ClienteId))
            .GroupBy(q => q.ClienteId)
            .Select(g => new { ClienteId = g.Key, Abierta = g.Any(q => q.FechaCierre == null), UltimoCierre = g.Max(q => q.FechaCierre) })
            .ToDictionaryAsync(x => x.ClienteId, cancellationToken);
        return juicios.Keys.Union(quiebras.Keys).Select(id =>
        {
            var j = juicios.GetValueOrDefault(id);
            var q = quiebras.GetValueOrDefault(id);
            return new SituacionJudicialCliente(id, j?.Vigentes ?? 0, j is { Vigentes: 0 } ? j.UltimoTermino : null, q?.Abierta ?? false,
                q is { Abierta: false } ? q.UltimoCierre : null);
        }).ToList();
    }
}
