using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

public sealed class ClientesPorSegmentoYGrupoHandler(ClientesDbContext db) : IRequestHandler<ClientesPorSegmentoYGrupo, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ClientesPorSegmentoYGrupo request, CancellationToken cancellationToken)
    {
        var clientes = db.Clientes.AsNoTracking();
        if (request.Segmento is { } segmento)
            clientes = clientes.Where(c => c.Segmento == segmento);
        if (request.GrupoClientesId is { } grupo)
            clientes = clientes.Where(c => db.MiembrosGruposClientes.Any(m => m.GrupoId == grupo && m.ClienteId == c.Id));
        return await clientes.Select(c => c.Id).ToListAsync(cancellationToken);
    }
}
