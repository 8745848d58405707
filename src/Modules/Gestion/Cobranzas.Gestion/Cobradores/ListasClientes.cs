using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed class ClientesDeCobradorHandler(GestionDbContext db, AlcanceGestion alcance) : IRequestHandler<ClientesDeCobrador, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ClientesDeCobrador request, CancellationToken cancellationToken)
    {
        var cobrador = request.CobradorId ?? await alcance.CobradorPropioAsync(cancellationToken);
        if (cobrador is null)
            return [];
        return await db.Asignaciones.AsNoTracking().Where(a => a.CobradorId == cobrador).Select(a => a.ClienteId).ToListAsync(cancellationToken);
    }
}

public sealed class ClientesDeCarteraHandler(GestionDbContext db) : IRequestHandler<ClientesDeCartera, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ClientesDeCartera request, CancellationToken cancellationToken) =>
        await db.Set<ClienteCartera>().AsNoTracking().Where(c => c.CarteraId == request.CarteraId).Select(c => c.ClienteId).ToListAsync(cancellationToken);
}
