using Cobranzas.Gestion.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Actividades;

public sealed class ClientesVisiblesCorreoHandler(AlcanceGestion alcance) : IRequestHandler<ClientesVisiblesCorreo, IReadOnlyList<Guid>?>
{
    public async ValueTask<IReadOnlyList<Guid>?> Handle(ClientesVisiblesCorreo r, CancellationToken ct) =>
        await alcance.ClientesVisiblesAsync(ct) is { } visibles ? await visibles.ToListAsync(ct) : null;
}
