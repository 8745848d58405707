using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed class GruposExistentesHandler(ClientesDbContext db) : IRequestHandler<GruposExistentes, IReadOnlySet<Guid>>
{
    public async ValueTask<IReadOnlySet<Guid>> Handle(GruposExistentes request, CancellationToken cancellationToken)
    {
        var clientes = request.GrupoClienteIds.ToList();
        var contactos = request.GrupoContactoIds.ToList();
        var encontrados = await db.GruposClientes.AsNoTracking().Where(g => clientes.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        encontrados.AddRange(await db.GruposContactos.AsNoTracking().Where(g => contactos.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken));
        return encontrados.ToHashSet();
    }
}
