using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

public sealed class BuscarClientesHandler(ClientesDbContext db) : IRequestHandler<BuscarClientes, IReadOnlyList<ClienteInfo>>
{
    public async ValueTask<IReadOnlyList<ClienteInfo>> Handle(BuscarClientes request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.ToList();
        var ruts = request.Ruts.ToList();
        var clientes = await db.Clientes.AsNoTracking().Where(c => ids.Contains(c.Id) || ruts.Contains(c.Rut)).ToListAsync(cancellationToken);
        var politicas = await db.Politicas.AsNoTracking().ToDictionaryAsync(p => p.Segmento, cancellationToken);
        return clientes.Select(c =>
        {
            var p = ProyeccionCliente.PoliticaEfectiva(c, politicas.GetValueOrDefault(c.Segmento));
            return new ClienteInfo(c.Id, c.Rut, c.RazonSocial, c.Segmento, c.EstadoCredito, p.LimiteCredito, p.MonedaLimite, p.PlazoDias, p.DiasTolerancia, c.Comuna, c.Region, c.CuentaClave, Consumidores.Efectivo(c.Consumidor, c.Rut));
        }).ToList();
    }
}

public sealed class SegmentosClientesHandler(ClientesDbContext db) : IRequestHandler<SegmentosClientes, IReadOnlyList<SegmentoCliente>>
{
    public async ValueTask<IReadOnlyList<SegmentoCliente>> Handle(SegmentosClientes request, CancellationToken cancellationToken)
    {
        var q = db.Clientes.AsNoTracking();
        if (request.Ids is { } ids)
        {
            var lista = ids.ToArray();
            q = q.Where(c => lista.Contains(c.Id));
        }

        return await q.OrderBy(c => c.Id).Select(c => new SegmentoCliente(c.Id, c.Segmento)).ToListAsync(cancellationToken);
    }
}
