using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed class CobradoresExistentesHandler(GestionDbContext db) : IRequestHandler<CobradoresExistentes, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(CobradoresExistentes r, CancellationToken ct)
    {
        var ids = r.Ids.Distinct().ToList();
        return await db.Cobradores.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
    }
}
