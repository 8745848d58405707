using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

public sealed class ListarDatosAsignacionHandler(ClientesDbContext db) : IRequestHandler<ListarDatosAsignacion, IReadOnlyList<DatosAsignacionCliente>>
{
    public async ValueTask<IReadOnlyList<DatosAsignacionCliente>> Handle(ListarDatosAsignacion request, CancellationToken cancellationToken)
    {
        var q = db.Clientes.AsNoTracking();
        if (request.Ids is { } ids)
        {
            var lista = ids.ToList();
            q = q.Where(c => lista.Contains(c.Id));
        }

        return await q.OrderBy(c => c.Id)
            .Select(c => new DatosAsignacionCliente(c.Id, c.Rut, c.RazonSocial, c.Segmento, c.Comuna, c.Region, c.CuentaClave))
            .ToListAsync(cancellationToken);
    }
}
