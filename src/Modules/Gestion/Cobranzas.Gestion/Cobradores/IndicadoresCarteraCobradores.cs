using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed class ListarCobradoresConClientesHandler(GestionDbContext db) : IRequestHandler<ListarCobradoresConClientes, IReadOnlyList<CobradorConClientes>>
{
    public async ValueTask<IReadOnlyList<CobradorConClientes>> Handle(ListarCobradoresConClientes request, CancellationToken cancellationToken)
    {
        var cobradores = await db.Cobradores.AsNoTracking().OrderBy(c => c.Nombre).ThenBy(c => c.Id).Select(c => new { c.Id, c.Nombre, c.Activo }).ToListAsync(cancellationToken);
        var asignaciones = (await db.Asignaciones.AsNoTracking().Select(a => new { a.CobradorId, a.ClienteId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.CobradorId, a => a.ClienteId);
        return cobradores.Select(c => new CobradorConClientes(c.Id, c.Nombre, c.Activo, asignaciones[c.Id].ToList())).ToList();
    }
}
