using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

public sealed class UltimasActividadesHandler(GestionDbContext db) : IRequestHandler<UltimasActividades, IReadOnlyDictionary<Guid, DateTimeOffset>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, DateTimeOffset>> Handle(UltimasActividades request, CancellationToken cancellationToken)
    {
        var ids = request.ClienteIds.ToList();
        return await db.Actividades.AsNoTracking().Where(a => ids.Contains(a.ClienteId))
            .GroupBy(a => a.ClienteId).Select(g => new { g.Key, Fecha = g.Max(a => a.Fecha) })
            .ToDictionaryAsync(x => x.Key, x => x.Fecha, cancellationToken);
    }
}
