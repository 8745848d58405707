using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed class CobradoresExistentesHandler(GestionDbContext db) : IRequestHandler<CobradoresExistentes, IReadOnlySet<Guid>>
{
    public async ValueTask<IReadOnlySet<Guid>> Handle(CobradoresExistentes request, CancellationToken cancellationToken)
    {
        var ids = request.CobradorIds.ToList();
        return (await db.Cobradores.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
    }
}
